import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TSurveyResults } from '@shared/modules/situation/schema';
import { useApiQuery } from '../../api/use-query';
import { EmptyState } from '../../components/feedback';
import { PageHeading } from '../../components/PageHeading';
import { QueryState } from '../../components/QueryState';
import { CountTable, Num, ScrollBox, SuppressionLegend } from './components';

/** Aggregated answers and response rate; outside the board small counts are hidden and free text is left out. */
export function SurveyResultsPage() {
  const { id } = useParams();
  const results = useApiQuery<TSurveyResults>(`/api/surveys/${id}/results`);
  return <QueryState query={results}>{(r) => <Results r={r} />}</QueryState>;
}

function Results({ r }: { r: TSurveyResults }) {
  const { t } = useTranslation();
  const title = t('situation.results.title', { title: r.title });
  const label = (kind: string, l: string) => (kind === 'yes_no' ? t(`situation.results.${l}`) : l);

  return (
    <>
      <p>
        <Link to={`/lagesbild/enkater/${r.surveyId}`}>{t('situation.results.back')}</Link>
      </p>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="lead">
        {r.boardName} · {r.year}
      </p>
      <p>{r.suppressed ? t('situation.results.suppressed', { threshold: r.threshold }) : t('situation.results.exact')}</p>
      <SuppressionLegend threshold={r.threshold} />
      <dl className="summary-list">
        <div>
          <dt>{t('situation.surveys.sent')}</dt>
          <dd>{r.sent}</dd>
        </div>
        <div>
          <dt>{t('situation.results.responses')}</dt>
          <dd>
            <Num value={r.responses} />
          </dd>
        </div>
        <div>
          <dt>{t('situation.surveys.rate')}</dt>
          <dd>{r.responseRate === null ? '–' : `${r.responseRate} %`}</dd>
        </div>
      </dl>
      {r.responses === 0 && <EmptyState>{t('situation.results.none')}</EmptyState>}
      {r.byGroup.length > 0 && (
        <ScrollBox label={t('situation.results.byGroup')}>
          <table className="table" aria-describedby="suppression-legend">
            <caption>{t('situation.results.byGroup')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('situation.survey.group')}</th>
                <th scope="col" className="num">
                  {t('situation.surveys.sent')}
                </th>
                <th scope="col" className="num">
                  {t('situation.results.responses')}
                </th>
              </tr>
            </thead>
            <tbody>
              {r.byGroup.map((g) => (
                <tr key={g.group}>
                  <th scope="row">{t(`situation.groups.${g.group}`)}</th>
                  <td className="num">{g.sent}</td>
                  <td className="num">
                    <Num value={g.count} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      )}
      {r.questions.map((q, i) => (
        <section key={q.questionId} aria-labelledby={`q-${i}`}>
          <h2 id={`q-${i}`}>
            {i + 1}. {q.text}
          </h2>
          <p className="hint">
            {t(`situation.kinds.${q.kind}`)} · {t('situation.results.answered')} <Num value={q.answered} />
            {q.mean !== null && ` · ${t('situation.results.mean', { mean: q.mean.toLocaleString('sv-SE') })}`}
          </p>
          {q.counts.length > 0 && (
            <ScrollBox label={t('situation.results.countsFor', { n: i + 1 })}>
              <CountTable
                caption={t('situation.results.countsFor', { n: i + 1 })}
                head={t('situation.results.answer')}
                rows={q.counts.map((c) => [label(q.kind, c.label), c.count])}
                hideCaption
              />
            </ScrollBox>
          )}
          {q.kind === 'text' &&
            (q.texts.length ? (
              <ul>
                {q.texts.map((text, j) => (
                  <li key={j}>{text}</li>
                ))}
              </ul>
            ) : (
              <p className="empty-state">{r.suppressed ? t('situation.results.textsHidden') : t('situation.results.noTexts')}</p>
            ))}
        </section>
      ))}
    </>
  );
}
