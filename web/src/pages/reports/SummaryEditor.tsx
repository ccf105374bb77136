import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TReport } from '@shared/modules/reports/schema';
import { useApiMutation } from '../../api/mutation';
import { useSession } from '../../auth/session';

/**
 * The central coordinator's summary of the year's city report: shown to every reader, written by
 * the central coordinator (printed first in the Word, PDF and Excel reports).
 */
export function SummaryEditor({ r }: { r: TReport }) {
  const { t } = useTranslation();
  const { canEverywhere } = useSession();
  const [text, setText] = useState(r.summary?.text ?? '');
  const save = useApiMutation<TReport['summary']>(['/api/reports']);
  const canWrite = canEverywhere('reports.summary.write');
  if (!canWrite) return r.summary ? <p className="fu-summary">{r.summary.text}</p> : null;

  function submit(e: FormEvent) {
    e.preventDefault();
    save.mutate({ method: 'PUT', path: `/api/reports/city/summary?year=${r.year}`, body: { text } });
  }
  return (
    <form onSubmit={submit} noValidate>
      <div className={`field${save.error ? ' field--error' : ''}`}>
        <label htmlFor="report-summary">{t('reports.summaryLabel')}</label>
        <p className="hint" id="report-summary-hint">
          {t('reports.summaryHint')}
        </p>
        <textarea
          id="report-summary"
          rows={6}
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-describedby={`report-summary-hint${save.error ? ' report-summary-error' : ''}`}
        />
        {save.error && (
          <p className="field-error" id="report-summary-error">
            <span className="visually-hidden">{t('form.errorPrefix')}</span> {save.error.message}
          </p>
        )}
      </div>
      <button type="submit" className="button" disabled={save.isPending}>
        {t('reports.summarySave')}
      </button>
      <p role="status">{save.isSuccess ? t('reports.summarySaved') : ''}</p>
    </form>
  );
}
