import { useTranslation } from 'react-i18next';
import type { TReport } from '@shared/modules/reports/schema';
import { PagedList } from './PagedList';

const heading = (container: HTMLElement, index: number) => container.querySelectorAll<HTMLElement>('h3')[index];
const DASH = '–';

/** The boards' analyses of the period, a few at a time (PagedList); each board's under its own heading. */
export function AnalysisList({ r, reportPath }: { r: TReport; reportPath: string }) {
  const { t } = useTranslation();
  if (r.analyses.total === 0) return <p>{t('reports.noAnalyses')}</p>;
  return (
    <PagedList
      list="analyses"
      r={r}
      reportPath={reportPath}
      shown={(shown, total) => t('reports.analysesShown', { shown, total })}
      focusTarget={heading}
    >
      {(items) =>
        items.map((a) => (
          <section key={a.boardId} aria-labelledby={`an-${a.boardId}`}>
            <h3 id={`an-${a.boardId}`} tabIndex={-1}>
              {a.boardName} – {t(`followup.periods.${a.period}`)} {r.year}
            </h3>
            {a.sections.map((s) => (
              <div key={s.key}>
                <h4>{t(`followup.headings.${s.key}`)}</h4>
                <p>{s.text || DASH}</p>
              </div>
            ))}
          </section>
        ))
      }
    </PagedList>
  );
}
