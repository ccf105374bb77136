import { Link } from 'react-router';
import { PARTNER_TYPES, PARTNER_TYPE_LABELS_SV } from '@shared/domain/collaboration/model';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/feedback';
import { formatDate, StatusTag, type TOverview } from './shared';

/** Every board and its plan for the year: status, check score, activities, days to the deadline. */
export function OverviewTable({ overview }: { overview: TOverview }) {
  const { t } = useTranslation();
  if (overview.boards.length === 0) return <EmptyState>{t('plans.overview.noBoards')}</EmptyState>;
  const withPlan = overview.boards.filter((b) => b.plan).length;
  return (
    <>
      <p>
        {overview.deadline ? t('plans.overview.deadline', { date: overview.deadline }) : t('plans.overview.noDeadline')}{' '}
        {t('plans.overview.count', { count: withPlan, total: overview.boards.length })}
      </p>
      <div className="table-wrap">
        <table className="table">
          <caption>{t('plans.overview.caption', { year: overview.year })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('plans.board')}</th>
              <th scope="col">{t('plans.statusLabel')}</th>
              <th scope="col">{t('plans.overview.score')}</th>
              <th scope="col">{t('plans.activityCount')}</th>
              <th scope="col">{t('plans.overview.daysLeft')}</th>
              <th scope="col">{t('plans.lastChange')}</th>
            </tr>
          </thead>
          <tbody>
            {overview.boards.map((b) => (
              <tr key={b.boardId}>
                <th scope="row">{b.plan ? <Link to={`/planer/${b.plan.id}`}>{b.boardName}</Link> : b.boardName}</th>
                <td>
                  {b.plan ? <StatusTag status={b.plan.status} /> : <span className="tag">{t('plans.overview.noPlan')}</span>}{' '}
                  {b.late && <span className="tag tag--off">{t('plans.overview.late')}</span>}
                </td>
                <td>{b.plan ? t('plans.overview.scoreValue', { score: b.plan.score }) : '–'}</td>
                <td>{b.plan ? b.plan.activityCount : '–'}</td>
                <td>{b.daysToDeadline === null || (b.plan && ['submitted', 'in_review', 'approved'].includes(b.plan.status)) ? '–' : b.daysToDeadline < 0 ? t('plans.overview.daysPast', { count: -b.daysToDeadline }) : t('plans.overview.days', { count: b.daysToDeadline })}</td>
                <td>{b.plan ? formatDate(b.plan.lastChange) : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/**
 * Boards × guideline elements: how many activities of the year's plans are mapped to each element;
 * below, how many work with a partner of each type from the register.
 */
export function CoverageMatrix({ overview }: { overview: TOverview }) {
  const { t } = useTranslation();
  const boards = overview.boards.filter((b) => b.plan);
  return (
    <section aria-labelledby="coverage-heading">
      <h3 id="coverage-heading">{t('plans.coverage.heading')}</h3>
      <p className="hint">{t('plans.coverage.hint')}</p>
      {boards.length === 0 || overview.elements.length === 0 ? (
        <EmptyState>{t('plans.coverage.empty')}</EmptyState>
      ) : (
        <div className="table-wrap" role="region" aria-labelledby="coverage-caption" tabIndex={0}>
          <table className="table plans-matrix">
            <caption id="coverage-caption">{t('plans.coverage.caption', { year: overview.year })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('plans.coverage.element')}</th>
                {boards.map((b) => (
                  <th scope="col" key={b.boardId}>
                    {b.boardName}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {overview.elements.map((e) => (
                <tr key={e.id}>
                  <th scope="row">
                    <span className="plans-small">
                      {e.documentTitle} · {t(`plans.elementKinds.${e.kind}`)}
                    </span>
                    <br />
                    {e.label}
                  </th>
                  {boards.map((b) => {
                    const n = overview.coverage[b.boardId]?.[e.id] ?? 0;
                    return (
                      <td key={b.boardId} className={n ? '' : 'plans-zero'}>
                        {n}
                      </td>
                    );
                  })}
                </tr>
              ))}
              <tr>
                <th scope="colgroup" colSpan={boards.length + 1} className="plans-matrix-group">
                  {t('plans.coverage.partnerTypes')}
                </th>
              </tr>
              {PARTNER_TYPES.map((type) => (
                <tr key={type}>
                  <th scope="row">{PARTNER_TYPE_LABELS_SV[type]}</th>
                  {boards.map((b) => {
                    const n = overview.partnerTypeCoverage[b.boardId]?.[type] ?? 0;
                    return (
                      <td key={b.boardId} className={n ? '' : 'plans-zero'}>
                        {n}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
