import { useTranslation } from 'react-i18next';
import { reviewTarget } from '@shared/domain/plans/review';
import { SectionBody, type TPlan } from './shared';

/**
 * The plan's own text beside the review's criteria: its sections, then its activities, as the
 * board wrote them. The reviewer reads here what each comment may point at.
 */
export function ReviewPlanText({ plan }: { plan: TPlan }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="plan-text-heading" className="plans-review-text">
      <h2 id="plan-text-heading">{t('plans.review.planText')}</h2>
      {plan.sections.map((s) => (
        <section key={s.key} className="plans-section" aria-labelledby={`review-text-${s.key}`}>
          <h3 id={`review-text-${s.key}`}>{s.title}</h3>
          {s.bodyHtml ? <SectionBody html={s.bodyHtml} /> : <p className="plans-empty-text">{t('plans.sections.empty')}</p>}
        </section>
      ))}
      <h3>{t('plans.activities.heading')}</h3>
      {plan.activities.length === 0 && <p className="plans-empty-text">{t('plans.activities.empty')}</p>}
      <ol className="plans-review-activities">
        {plan.activities.map((a) => (
          <li key={a.id}>
            <p className="plans-activity-title">{a.title}</p>
            <p className="plans-small">
              {a.measureArea ? t(`plans.measureAreas.${a.measureArea}`) : t('plans.measureAreas.none')} · {t('plans.activity.responsible')}: {a.responsible || '–'} ·{' '}
              {t('plans.activity.timeline')}: {a.timeline || '–'}
            </p>
            {a.description && <p>{a.description}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The options of "the comment is about": the whole plan, one of its sections or one of its activities. */
export function TargetOptions({ plan }: { plan: TPlan }) {
  const { t } = useTranslation();
  return (
    <>
      <option value="">{t('plans.review.wholePlan')}</option>
      <optgroup label={t('plans.sections.heading')}>
        {plan.sections.map((s) => (
          <option key={s.key} value={reviewTarget('section', s.key)}>
            {s.title}
          </option>
        ))}
      </optgroup>
      {plan.activities.length > 0 && (
        <optgroup label={t('plans.activities.heading')}>
          {plan.activities.map((a) => (
            <option key={a.id} value={reviewTarget('activity', a.id)}>
              {a.title}
            </option>
          ))}
        </optgroup>
      )}
    </>
  );
}
