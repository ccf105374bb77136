import { useTranslation } from 'react-i18next';
import { ZCreateAssessmentRequest, ZCreateRecommendationRequest } from '@shared/modules/audit-tracking/schema';
import type { TBoard } from '@shared/modules/orgs/schema';
import { SelectField, TextAreaField } from '../../components/form';
import { orNull, TrackingForm, useTrackingForm } from './forms';

/** The auditor adds a recommendation addressed to one or more boards. */
export function AddRecommendationForm({ reportId, boards }: { reportId: string; boards: TBoard[] }) {
  const { t } = useTranslation();
  const f = useTrackingForm(ZCreateRecommendationRequest, { idPrefix: 'rec', defaultValues: { text: '', boardIds: [] } });
  const chosen = f.form.watch('boardIds');
  const submit = f.submit(async (body) => {
    await f.save.mutateAsync({ method: 'POST', path: `/api/audit-reports/${reportId}/recommendations`, body });
    f.form.reset();
  });
  const error = f.errors.boardIds;

  return (
    <section aria-labelledby="add-rec-heading" className="panel">
      <h2 id="add-rec-heading">{t('auditTracking.addRecommendation')}</h2>
      <TrackingForm form={f} onSubmit={submit} submitLabel={t('auditTracking.addRecommendation')} savedNotice={t('auditTracking.recommendationSaved')}>
        <TextAreaField label={t('auditTracking.recommendationText')} hint={t('auditTracking.recommendationHint')} rows={3} maxLength={4000} {...f.field('text')} />
        <fieldset className={`fieldset${error ? ' field--error' : ''}`} id="rec-boardIds" tabIndex={-1} aria-describedby={['rec-boardIds-hint', error ? 'rec-boardIds-error' : ''].filter(Boolean).join(' ')}>
          <legend>{t('auditTracking.boardsLegend')}</legend>
          <p className="hint" id="rec-boardIds-hint">
            {t('auditTracking.boardsHint')}
          </p>
          {error && (
            <p className="field-error" id="rec-boardIds-error">
              <span className="visually-hidden">{t('form.errorPrefix')}</span> {error}
            </p>
          )}
          <ul className="plain-list at-board-choices">
            {boards.map((b) => (
              <li key={b.id}>
                <input
                  type="checkbox"
                  id={`rec-board-${b.id}`}
                  checked={chosen.includes(b.id)}
                  onChange={(e) => f.form.setValue('boardIds', e.target.checked ? [...chosen, b.id] : chosen.filter((x) => x !== b.id))}
                />{' '}
                <label htmlFor={`rec-board-${b.id}`}>{b.name}</label>
              </li>
            ))}
          </ul>
        </fieldset>
      </TrackingForm>
    </section>
  );
}

const RESULTS = ['addressed', 'partly', 'not_addressed'] as const;

/** The auditor's follow-up assessment of one board's handling of a recommendation. */
export function AssessmentForm({ recommendationId, boardId, boardName, idPrefix }: { recommendationId: string; boardId: string; boardName: string; idPrefix: string }) {
  const { t } = useTranslation();
  const f = useTrackingForm(ZCreateAssessmentRequest.pick({ result: true, comment: true }), { idPrefix, defaultValues: { result: undefined, comment: '' } });
  const submit = f.submit(async ({ result, comment }) => {
    await f.save.mutateAsync({ method: 'POST', path: `/api/recommendations/${recommendationId}/assessments`, body: { boardId, result, comment: orNull(comment) } });
    f.form.reset();
  });
  const legend = t('auditTracking.assess', { board: boardName });

  return (
    <TrackingForm form={f} onSubmit={submit} label={legend} legend={legend} secondary submitLabel={t('auditTracking.assessSave')} savedNotice={t('auditTracking.assessSaved')}>
      <div className="inline-fields">
        <SelectField label={t('auditTracking.assessResult')} {...f.field('result')}>
          <option value="">{t('auditTracking.choose')}</option>
          {RESULTS.map((r) => (
            <option key={r} value={r}>
              {t(`auditTracking.assessments.${r}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <TextAreaField label={t('auditTracking.assessComment')} rows={2} maxLength={4000} {...f.field('comment')} />
    </TrackingForm>
  );
}
