import { useTranslation } from 'react-i18next';
import type { TActivityImportResult } from '@shared/modules/plans/schema';

/** The server's dry run of an import: the bad lines, the rows already in the plan, the rows to add, and the button that imports them. */
export function ImportPreview({ preview, busy, onConfirm }: { preview: TActivityImportResult; busy: boolean; onConfirm(): void }) {
  const { t } = useTranslation();
  const rowErrors = preview.errors.filter((x) => x.line > 0);
  const canConfirm = preview.errors.length === 0 && preview.toAdd > 0;
  const duplicateLines = new Set(preview.duplicates.map((d) => d.line));
  const rowsToAdd = preview.rows.filter((r) => !duplicateLines.has(r.line));

  return (
    <section aria-labelledby="import-result" className="plans-import-result">
      <h2 id="import-result">{t('plansImport.resultTitle')}</h2>
      <p role="status">
        {preview.errors.length > 0
          ? t('plansImport.summaryWithErrors', { rows: preview.rows.length + rowErrors.length, bad: rowErrors.length || 1 })
          : t('plansImport.summaryOk', { count: preview.toAdd })}
      </p>
      {preview.ignoredColumns.length > 0 && <p className="hint">{t('plansImport.ignored', { columns: preview.ignoredColumns.join(', ') })}</p>}

      {rowErrors.length > 0 && (
        <div className="table-wrap" role="region" aria-labelledby="import-errors-caption" tabIndex={0}>
          <table className="table">
            <caption id="import-errors-caption">{t('plansImport.errorsCaption', { count: rowErrors.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('plansImport.line')}</th>
                <th scope="col">{t('plansImport.problem')}</th>
              </tr>
            </thead>
            <tbody>
              {rowErrors.map((x) => (
                <tr key={x.line} id={`import-line-${x.line}`} tabIndex={-1}>
                  <th scope="row">{x.line}</th>
                  <td>{x.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>{t('plansImport.fixAndRetry')}</p>
        </div>
      )}

      {preview.duplicates.length > 0 && (
        <div className="table-wrap" role="region" aria-labelledby="import-duplicates-caption" tabIndex={0}>
          <table className="table">
            <caption id="import-duplicates-caption">{t('plansImport.duplicatesCaption', { count: preview.duplicates.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('plansImport.line')}</th>
                <th scope="col">{t('plansImport.activity')}</th>
                <th scope="col">{t('plansImport.why')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.duplicates.map((d) => (
                <tr key={d.line}>
                  <th scope="row">{d.line}</th>
                  <td>{d.title}</td>
                  <td>{d.of === 'plan' ? t('plansImport.duplicateOfPlan') : t('plansImport.duplicateOfLine', { line: d.firstLine })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {rowsToAdd.length > 0 && (
        // Wide: it scrolls sideways on small screens, so it can take focus and be scrolled by keyboard.
        <div className="table-wrap" role="region" aria-labelledby="import-rows-caption" tabIndex={0}>
          <table className="table">
            <caption id="import-rows-caption">
              {preview.errors.length > 0 ? t('plansImport.rowsWithoutErrors', { count: rowsToAdd.length }) : t('plansImport.rowsCaption', { count: rowsToAdd.length })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('plansImport.line')}</th>
                <th scope="col">{t('plansImport.activity')}</th>
                <th scope="col">{t('plansImport.measureArea')}</th>
                <th scope="col">{t('plansImport.responsible')}</th>
                <th scope="col">{t('plansImport.partners')}</th>
                <th scope="col">{t('plansImport.timeline')}</th>
                <th scope="col">{t('plansImport.followUp')}</th>
              </tr>
            </thead>
            <tbody>
              {rowsToAdd.map(({ line, activity: a }) => (
                <tr key={line}>
                  <th scope="row">{line}</th>
                  <td>
                    <span className="plans-import-title">{a.title}</span>
                    {a.description && <p className="hint">{a.description}</p>}
                  </td>
                  <td>{a.measureArea ? t(`plansImport.area.${a.measureArea}`) : t('plansImport.area.none')}</td>
                  <td>{a.responsible}</td>
                  <td>{a.partners ?? ''}</td>
                  <td>{a.timeline}</td>
                  <td>{a.followUp}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {canConfirm && (
        <div className="button-row">
          <button type="button" className="button" disabled={busy} onClick={onConfirm}>
            {t('plansImport.confirm', { count: preview.toAdd })}
          </button>
        </div>
      )}
    </section>
  );
}
