import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useApiMutation } from '../../api/mutation';
import { useApiQuery } from '../../api/use-query';
import { useSession } from '../../auth/session';
import { EmptyState, Notice } from '../../components/feedback';
import { ErrorSummary, type FieldErrors } from '../../components/form';
import { PageHeading } from '../../components/PageHeading';
import { QueryState } from '../../components/QueryState';
import { ScrollTable, type TContextImportResult, type TContextValue } from './shared';

const IMPORT_PATH = '/api/followup/context-indicators';

/** Import of municipal KPIs (Kolada CSV) and the list of what is imported. */
export function ContextPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const values = useApiQuery<TContextValue[]>(IMPORT_PATH);
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState(false);
  // The dry run changes nothing; the import changes the values, the board pages' links and the reports.
  const check = useApiMutation<TContextImportResult>([]);
  const save = useApiMutation<TContextImportResult>(['/api/followup', '/api/reports']);
  const preview = check.data && !save.isSuccess ? check.data : null;
  const failed = save.error ?? check.error;
  const errors: FieldErrors = missing ? { file: t('followup.fileMissing') } : failed ? { file: failed.message } : {};
  const rowErrors = (failed?.body.fields ?? []).filter((f) => f.field !== 'file');
  const busy = check.isPending || save.isPending;
  const canImport = can('followup.context.import');

  function run(e: FormEvent, dryRun: boolean) {
    e.preventDefault();
    setMissing(!file);
    if (dryRun) check.reset();
    save.reset();
    if (!file) return;
    if (dryRun) check.mutate({ method: 'POST', path: `${IMPORT_PATH}?dryRun=1`, form: { file } });
    else save.mutate({ method: 'POST', path: IMPORT_PATH, form: { file } });
  }

  return (
    <>
      <p>
        <Link to="/uppfoljning">{t('followup.back')}</Link>
      </p>
      <PageHeading title={t('followup.contextTitle')}>{t('followup.contextTitle')}</PageHeading>
      <p className="lead">{t('followup.contextLead')}</p>
      {save.data && <Notice>{t('followup.imported', { rows: save.data.rows })}</Notice>}
      {canImport && (
        <>
          <ErrorSummary errors={errors} idPrefix="context" />
          <form onSubmit={(e) => run(e, true)} noValidate>
            <fieldset disabled={busy} className="plain-fieldset">
              <div className={`field${errors.file ? ' field--error' : ''}`}>
                <label htmlFor="context-file">{t('followup.file')}</label>
                <p className="hint" id="context-file-hint">
                  {t('followup.fileHint')}
                </p>
                {errors.file && (
                  <p className="field-error" id="context-file-error">
                    <span className="visually-hidden">{t('form.errorPrefix')}</span> {errors.file}
                  </p>
                )}
                <input
                  id="context-file"
                  name="file"
                  type="file"
                  accept=".csv,.txt,.xlsx,text/csv"
                  aria-describedby={`context-file-hint${errors.file ? ' context-file-error' : ''}`}
                  aria-invalid={errors.file ? true : undefined}
                  onChange={(e) => {
                    setFile(e.target.files?.[0] ?? null);
                    check.reset();
                  }}
                />
              </div>
              {rowErrors.length > 0 && (
                <ul className="field-error">
                  {rowErrors.slice(0, 50).map((f) => (
                    <li key={f.field}>{f.message}</li>
                  ))}
                </ul>
              )}
              <button type="submit" className="button button--secondary">
                {t('followup.preview')}
              </button>
            </fieldset>
          </form>
          {preview && (
            <section aria-labelledby="context-preview" className="panel">
              <h2 id="context-preview">{t('followup.previewHeading')}</h2>
              <p>{t('followup.previewText', { rows: preview.rows, kpis: preview.kpis.length, added: preview.added, updated: preview.updated, skipped: preview.skipped.length })}</p>
              <form onSubmit={(e) => run(e, false)}>
                <button type="submit" className="button" disabled={busy}>
                  {t('followup.importNow', { rows: preview.rows })}
                </button>
              </form>
            </section>
          )}
        </>
      )}
      <section aria-labelledby="context-values">
        <h2 id="context-values">{t('followup.valuesHeading')}</h2>
        <QueryState query={values}>
          {(list) =>
            list.length === 0 ? (
              <EmptyState>{t('followup.noValues')}</EmptyState>
            ) : (
              <ValuesTable values={list} />
            )
          }
        </QueryState>
      </section>
    </>
  );
}

function ValuesTable({ values }: { values: TContextValue[] }) {
  const { t } = useTranslation();
  return (
    <ScrollTable label={t('followup.valuesCaption')}>
      <table className="table">
        <caption>{t('followup.valuesCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('followup.kpi')}</th>
            <th scope="col">{t('followup.kpiTitle')}</th>
            <th scope="col">{t('followup.area')}</th>
            <th scope="col">{t('followup.year')}</th>
            <th scope="col" className="fu-num">
              {t('followup.value')}
            </th>
          </tr>
        </thead>
        <tbody>
          {values.map((v) => (
            <tr key={`${v.kpiId}-${v.area}-${v.year}`}>
              <th scope="row">{v.kpiId}</th>
              <td>{v.title}</td>
              <td>{v.area}</td>
              <td>{v.year}</td>
              <td className="fu-num">{v.value.toLocaleString('sv-SE')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}
