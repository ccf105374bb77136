import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';
import type { TBoard } from '../../api/types';
import { Notice } from '../../components/feedback';
import { ErrorSummary, SelectField, TextAreaField, type FieldErrors } from '../../components/form';

function errorsOf(err: unknown, known: string[], fallback: string, network: string): FieldErrors {
  const out: FieldErrors = {};
  if (err instanceof ApiError) {
    for (const f of err.body.fields ?? []) out[known.find((k) => f.field === k || f.field.startsWith(`${k}.`)) ?? fallback] ??= f.message;
    if (!err.body.fields?.length) out[fallback] = err.body.message;
  } else out[fallback] = network;
  return out;
}

/** The auditor adds a recommendation addressed to one or more boards. */
export function AddRecommendationForm({ reportId, boards, onSaved }: { reportId: string; boards: TBoard[]; onSaved(): Promise<void> | void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    const local: FieldErrors = {};
    if (!text.trim()) local.text = t('auditTracking.textMissing');
    if (!chosen.length) local.boardIds = t('auditTracking.chooseBoard');
    setErrors(local);
    if (Object.keys(local).length) return;
    setSaving(true);
    try {
      await api('POST', `/api/audit-reports/${reportId}/recommendations`, { text: text.trim(), boardIds: chosen });
      setText('');
      setChosen([]);
      setSaved(true);
      await onSaved();
    } catch (err) {
      setErrors(errorsOf(err, ['text', 'boardIds'], 'text', t('common.networkError')));
    } finally {
      setSaving(false);
    }
  }

  return (
    <section aria-labelledby="add-rec-heading" className="panel">
      <h2 id="add-rec-heading">{t('auditTracking.addRecommendation')}</h2>
      {saved && <Notice>{t('auditTracking.recommendationSaved')}</Notice>}
      <ErrorSummary errors={errors} idPrefix="rec" />
      <form onSubmit={submit} noValidate>
        <fieldset disabled={saving} className="plain-fieldset">
          <TextAreaField id="rec-text" label={t('auditTracking.recommendationText')} hint={t('auditTracking.recommendationHint')} value={text} error={errors.text} rows={3} maxLength={4000} onChange={(e) => setText(e.target.value)} />
          <fieldset className={`fieldset${errors.boardIds ? ' field--error' : ''}`} id="rec-boardIds" tabIndex={-1} aria-describedby={['rec-boardIds-hint', errors.boardIds ? 'rec-boardIds-error' : ''].filter(Boolean).join(' ')}>
            <legend>{t('auditTracking.boardsLegend')}</legend>
            <p className="hint" id="rec-boardIds-hint">
              {t('auditTracking.boardsHint')}
            </p>
            {errors.boardIds && (
              <p className="field-error" id="rec-boardIds-error">
                <span className="visually-hidden">{t('form.errorPrefix')}</span> {errors.boardIds}
              </p>
            )}
            <ul className="plain-list at-board-choices">
              {boards.map((b) => (
                <li key={b.id}>
                  <input
                    type="checkbox"
                    id={`rec-board-${b.id}`}
                    checked={chosen.includes(b.id)}
                    onChange={(e) => setChosen((c) => (e.target.checked ? [...c, b.id] : c.filter((x) => x !== b.id)))}
                  />{' '}
                  <label htmlFor={`rec-board-${b.id}`}>{b.name}</label>
                </li>
              ))}
            </ul>
          </fieldset>
          <button type="submit" className="button">
            {saving ? t('auditTracking.saving') : t('auditTracking.addRecommendation')}
          </button>
        </fieldset>
      </form>
    </section>
  );
}

/** The auditor's follow-up assessment of one board's handling of a recommendation. */
export function AssessmentForm({ recommendationId, boardId, boardName, idPrefix, onSaved }: { recommendationId: string; boardId: string; boardName: string; idPrefix: string; onSaved(): Promise<void> | void }) {
  const { t } = useTranslation();
  const [result, setResult] = useState('');
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    if (!result) {
      setErrors({ result: t('auditTracking.assessMissing') });
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      await api('POST', `/api/recommendations/${recommendationId}/assessments`, { boardId, result, comment: comment.trim() || null });
      setResult('');
      setComment('');
      setSaved(true);
      await onSaved();
    } catch (err) {
      setErrors(errorsOf(err, ['result', 'comment'], 'result', t('common.networkError')));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t('auditTracking.assess', { board: boardName })}>
      {saved && <Notice>{t('auditTracking.assessSaved')}</Notice>}
      <ErrorSummary errors={errors} idPrefix={idPrefix} />
      <fieldset disabled={saving} className="fieldset">
        <legend>{t('auditTracking.assess', { board: boardName })}</legend>
        <div className="inline-fields">
          <SelectField id={`${idPrefix}-result`} label={t('auditTracking.assessResult')} value={result} error={errors.result} onChange={(e) => setResult(e.target.value)}>
            <option value="">{t('auditTracking.choose')}</option>
            {(['addressed', 'partly', 'not_addressed'] as const).map((r) => (
              <option key={r} value={r}>
                {t(`auditTracking.assessments.${r}`)}
              </option>
            ))}
          </SelectField>
        </div>
        <TextAreaField id={`${idPrefix}-comment`} label={t('auditTracking.assessComment')} value={comment} error={errors.comment} rows={2} maxLength={4000} onChange={(e) => setComment(e.target.value)} />
        <button type="submit" className="button button--secondary">
          {saving ? t('auditTracking.saving') : t('auditTracking.assessSave')}
        </button>
      </fieldset>
    </form>
  );
}
