import { useTranslation } from 'react-i18next';
import type { TAuditReport, TMeasure, TReply } from '@shared/modules/audit-tracking/schema';

export type { TAuditReport, TMeasure, TReply };

/** Status is never colour alone: every tag has its word. */
export function ReplyStatusTag({ status }: { status: TReply['status'] }) {
  const { t } = useTranslation();
  const tone = status === 'done' ? ' tag--ok' : status === 'awaiting_reply' ? '' : ' tag--warn';
  return <span className={`tag${tone}`}>{t(`auditTracking.statuses.${status}`)}</span>;
}

export function MeasureStatusTag({ measure }: { measure: Pick<TMeasure, 'status' | 'waiting'> }) {
  const { t } = useTranslation();
  return (
    <>
      <span className={`tag${measure.status === 'done' ? ' tag--ok' : ''}`}>{t(`auditTracking.measureStatuses.${measure.status}`)}</span>
      {measure.waiting && (
        <>
          {' '}
          <span className="tag">{t('auditTracking.waiting')}</span>
        </>
      )}
    </>
  );
}

export function OverdueTag({ overdue }: { overdue: boolean }) {
  const { t } = useTranslation();
  if (!overdue) return null;
  return (
    <>
      {' '}
      <span className="tag tag--off">{t('auditTracking.overdue')}</span>
    </>
  );
}

export function useReportTitle() {
  const { t } = useTranslation();
  return (r: Pick<TAuditReport, 'number' | 'title'>) => (r.number ? t('auditTracking.reportTitle', { number: r.number, title: r.title }) : t('auditTracking.reportTitleNoNumber', { title: r.title }));
}

/** How a measure is carried: its plan activity, what it waits for, or standalone. */
export function MeasureLink({ measure }: { measure: TMeasure }) {
  const { t } = useTranslation();
  if (measure.activity) {
    return (
      <>
        {t('auditTracking.linkActivity', { year: measure.activity.year, title: measure.activity.title })}
        {measure.statusSource === 'activity' && measure.activity.latestFollowUp && <div className="hint">{t('auditTracking.fedByActivity', { period: measure.activity.latestFollowUp.period })}</div>}
      </>
    );
  }
  const what = measure.waitingFor ?? (measure.waitingForMeasure ? `${measure.waitingForMeasure.boardName}: ${measure.waitingForMeasure.title}` : null);
  return <>{what ? t('auditTracking.linkWaiting', { what }) : t('auditTracking.linkStandalone')}</>;
}

export const dayOf = (iso: string) => iso.slice(0, 10);
