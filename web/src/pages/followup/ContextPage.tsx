import { useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useQuery } from '../../api/use-query';
import { useSession } from '../../auth/session';
import { EmptyState, Loading, LoadError, Notice } from '../../components/feedback';
import { ErrorSummary, type FieldErrors } from '../../components/form';
import { PageHeading } from '../../components/PageHeading';
import { ScrollTable, type TContextImportResult, type TContextValue } from './shared';

let csrf: string | null = null;

/** Multipart upload (the JSON client does not send files). */
async function upload(file: File, dryRun: boolean): Promise<TContextImportResult> {
  const body = new FormData();
  body.append('file', file);
  const res = await fetch(`/api/followup/context-indicators${dryRun ? '?dryRun=1' : ''}`, { method: 'POST', body, credentials: 'same-origin', headers: csrf ? { 'x-csrf-token': csrf } : {} });
  const data = await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(res.status, data?.error ?? { code: 'network', message: 'Något gick fel. Försök igen.' });
  return data as TContextImportResult;
}

/** Import of municipal KPIs (Kolada CSV) and the list of what is imported. */
export function ContextPage() {
  const { t } = useTranslation();
  const { me, can } = useSession();
  csrf = me?.csrfToken ?? null;
  const values = useQuery<TContextValue[]>('/api/followup/context-indicators');
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<TContextImportResult | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [rowErrors, setRowErrors] = useState<{ field: string; message: string }[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const canImport = can('followup.context.import');

  async function run(e: FormEvent, dryRun: boolean) {
    e.preventDefault();
    setNotice(null);
    setRowErrors([]);
    if (!file) {
      setErrors({ file: t('followup.fileMissing') });
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const result = await upload(file, dryRun);
      if (dryRun) setPreview(result);
      else {
        setPreview(null);
        setNotice(t('followup.imported', { rows: result.rows }));
        await values.reload();
      }
    } catch (err) {
      if (err instanceof ApiError) {
        setErrors({ file: err.body.message });
        setRowErrors((err.body.fields ?? []).filter((f) => f.field !== 'file'));
      } else setErrors({ file: t('common.networkError') });
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <p>
        <Link to="/uppfoljning">{t('followup.back')}</Link>
      </p>
      <PageHeading title={t('followup.contextTitle')}>{t('followup.contextTitle')}</PageHeading>
      <p className="lead">{t('followup.contextLead')}</p>
      {notice && <Notice>{notice}</Notice>}
      {canImport && (
        <>
          <ErrorSummary errors={errors} idPrefix="context" />
          <form onSubmit={(e) => void run(e, true)} noValidate>
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
                  ref={input}
                  id="context-file"
                  name="file"
                  type="file"
                  accept=".csv,.txt,.xlsx,text/csv"
                  aria-describedby={`context-file-hint${errors.file ? ' context-file-error' : ''}`}
                  aria-invalid={errors.file ? true : undefined}
                  onChange={(e) => { setFile(e.target.files?.[0] ?? null); setPreview(null); }}
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
              <form onSubmit={(e) => void run(e, false)}>
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
        {values.loading && !values.data && <Loading />}
        {values.error && <LoadError message={values.error.message} />}
        {values.data?.length === 0 && <EmptyState>{t('followup.noValues')}</EmptyState>}
        {values.data && values.data.length > 0 && (
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
                {values.data.map((v) => (
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
        )}
      </section>
    </>
  );
}
