import { useRef, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TActivityImportResult, TPlan } from '@shared/modules/plans/schema';
import { ApiError } from '../../api/client';
import { useApiMutation } from '../../api/mutation';
import { useApiQuery } from '../../api/use-query';
import { Notice } from '../../components/feedback';
import { ErrorSummary, type FieldErrors } from '../../components/form';
import { PageHeading } from '../../components/PageHeading';
import { QueryState } from '../../components/QueryState';
import { ImportPreview } from './ImportPreview';
import './plans-import.css';

const FILE_FIELD = 'file';

/** What an import changes: the plan and everything built on its activities. */
const IMPORT_READS = ['/api/plans', '/api/reports', '/api/followup', '/api/activities'];

/**
 * Import of activity rows from an XLSX or CSV table into a plan: the user previews the file (the
 * server's dry run), sees the rows to add and every bad row by line, and confirms. Nothing is
 * written until then, and then everything or nothing.
 */
export function PlansImportPage() {
  const { id = '' } = useParams();
  const plan = useApiQuery<TPlan>(`/api/plans/${id}`);
  return <QueryState query={plan}>{(p) => <PlansImport plan={p} />}</QueryState>;
}

function PlansImport({ plan: p }: { plan: TPlan }) {
  const { t } = useTranslation();
  const id = p.id;
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<TActivityImportResult | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [imported, setImported] = useState<number | null>(null);
  // The preview writes nothing; the import changes the plan.
  const check = useApiMutation<TActivityImportResult>([]);
  const importFile = useApiMutation<TActivityImportResult>(IMPORT_READS);
  const busy = check.isPending || importFile.isPending;
  const title = t('plansImport.title');
  const send = (dryRun: boolean, chosen: File) =>
    (dryRun ? check : importFile).mutateAsync({ method: 'POST', path: `/api/plans/${id}/activities/import${dryRun ? '?dryRun=1' : ''}`, form: { [FILE_FIELD]: chosen } });

  function failure(err: unknown): FieldErrors {
    if (err instanceof ApiError) {
      const fields = err.body.fields ?? [];
      if (fields.length) return Object.fromEntries(fields.map((f) => [f.field === FILE_FIELD ? FILE_FIELD : f.field.replace(' ', '-'), f.field.startsWith('line ') ? t('plansImport.lineError', { line: f.field.slice(5), message: f.message }) : f.message]));
      return { [FILE_FIELD]: err.body.message || t('common.networkError') };
    }
    return { [FILE_FIELD]: t('common.networkError') };
  }

  async function analyse(e: FormEvent) {
    e.preventDefault();
    setImported(null);
    setPreview(null);
    if (!file) {
      setErrors({ [FILE_FIELD]: t('plansImport.fileMissing') });
      return;
    }
    try {
      const result = await send(true, file);
      setPreview(result);
      const fileError = result.errors.find((x) => x.line === 0);
      setErrors(
        fileError
          ? { [FILE_FIELD]: fileError.message }
          : Object.fromEntries(result.errors.map((x) => [`line-${x.line}`, t('plansImport.lineError', { line: x.line, message: x.message })])),
      );
    } catch (err) {
      setErrors(failure(err));
    }
  }

  async function confirm() {
    if (!file || !preview) return;
    try {
      const result = await send(false, file);
      setImported(result.added.length);
      setPreview(null);
      setFile(null);
      setErrors({});
      if (input.current) input.current.value = '';
    } catch (err) {
      setErrors(failure(err));
    }
  }

  return (
    <>
      <p>
        <Link to={`/planer/${id}`}>{t('plansImport.back', { board: p.boardName, year: p.year })}</Link>
      </p>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="lead">{t('plansImport.lead', { board: p.boardName, year: p.year })}</p>

      {imported !== null && (
        <Notice>
          <p>{t('plansImport.done', { count: imported })}</p>
          <p>
            <Link to={`/planer/${id}`}>{t('plansImport.toPlan')}</Link>
          </p>
        </Notice>
      )}

      {!p.canEdit ? (
        <div className="panel">
          <p>{t('plansImport.notEditable')}</p>
        </div>
      ) : (
        <>
          <ErrorSummary errors={errors} idPrefix="import" />
          <section className="panel" aria-labelledby="import-shape">
            <h2 id="import-shape">{t('plansImport.shapeTitle')}</h2>
            <p>{t('plansImport.shapeText')}</p>
            <ul>
              <li>{t('plansImport.shapeColumns')}</li>
              <li>{t('plansImport.shapeOptional')}</li>
              <li>{t('plansImport.shapeFormats')}</li>
            </ul>
          </section>
          <form onSubmit={analyse} noValidate>
            <fieldset disabled={busy} className="plain-fieldset">
              <div className={`field${errors[FILE_FIELD] ? ' field--error' : ''}`}>
                <label htmlFor={`import-${FILE_FIELD}`}>{t('plansImport.fileLabel')}</label>
                <p className="hint" id={`import-${FILE_FIELD}-hint`}>
                  {t('plansImport.fileHint')}
                </p>
                {errors[FILE_FIELD] && (
                  <p className="field-error" id={`import-${FILE_FIELD}-error`}>
                    <span className="visually-hidden">{t('form.errorPrefix')}</span> {errors[FILE_FIELD]}
                  </p>
                )}
                <input
                  ref={input}
                  id={`import-${FILE_FIELD}`}
                  name={FILE_FIELD}
                  type="file"
                  accept=".xlsx,.csv,.txt,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
                  aria-describedby={[`import-${FILE_FIELD}-hint`, errors[FILE_FIELD] ? `import-${FILE_FIELD}-error` : ''].filter(Boolean).join(' ')}
                  aria-invalid={errors[FILE_FIELD] ? true : undefined}
                  onChange={(e) => {
                    setFile(e.target.files?.[0] ?? null);
                    setPreview(null);
                    setErrors({});
                  }}
                />
              </div>
              <button type="submit" className="button button--secondary">
                {t('plansImport.preview')}
              </button>
            </fieldset>
          </form>
        </>
      )}

      {preview && <ImportPreview preview={preview} busy={busy} onConfirm={() => void confirm()} />}
    </>
  );
}
