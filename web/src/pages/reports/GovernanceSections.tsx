import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { hasGrantActivity } from '@shared/domain/grants/figures';
import type { TReport } from '@shared/modules/reports/schema';
import { DataTable, type Column } from '../../components/DataTable';

/**
 * The report's sections on how the work is governed, as the documents carry them: plans that are
 * late, the boards' replies to the audit, the boards' decisions on their plans, and collaboration
 * with grants. Each names its rows by board and links to the page where the work is done.
 */
export function GovernanceSections({ r }: { r: TReport }) {
  return (
    <>
      <LatePlans r={r} />
      <Audits r={r} />
      <Decisions r={r} />
      <Collaboration r={r} />
    </>
  );
}

const city = (r: TReport) => r.scope === 'city';
/** Rows per page of the tables that grow with the number of boards. */
const PAGE = 25;

/** A section the reader may not see, or that has no data yet. */
export function NoData() {
  const { t } = useTranslation();
  return <p className="fu-nodata">{t('reports.noData')}</p>;
}

function LatePlans({ r }: { r: TReport }) {
  const { t } = useTranslation();
  const { deadline, items } = r.latePlans;
  type Item = (typeof items)[number];
  return (
    <section aria-labelledby="late-heading">
      <h2 id="late-heading">{t('reports.lateHeading')}</h2>
      {deadline === null ? (
        <p>{t('reports.lateNoDeadline', { year: r.year })}</p>
      ) : items.length === 0 ? (
        <p>{t('reports.lateNone', { deadline })}</p>
      ) : (
        <>
          <p>{t('reports.lateLead', { deadline, count: items.length })}</p>
          <DataTable
            caption={t('reports.lateHeading')}
            hideCaption
            pageSize={PAGE}
            rows={items}
            rowKey={(p) => p.boardId}
            columns={[
              {
                key: 'board',
                header: t('reports.board'),
                rowHeader: true,
                sort: (p: Item) => p.boardName,
                cell: (p: Item) => (city(r) ? <Link to={`/rapporter/namnd/${p.boardId}?year=${r.year}`}>{p.boardName}</Link> : p.boardName),
              },
              { key: 'status', header: t('reports.planStatus'), cell: (p: Item) => (p.status ? t(`followup.planStatuses.${p.status}`) : t('reports.noPlan')) },
            ]}
          />
        </>
      )}
    </section>
  );
}

function Audits({ r }: { r: TReport }) {
  const { t } = useTranslation();
  const a = r.audits;
  type Reply = (typeof a.replies)[number];
  const open = a.replies.filter((x) => x.status !== 'done');
  const figures = [
    ['auditReplies', a.tally.replies],
    ['auditAwaiting', a.tally.awaiting_reply],
    ['auditOverdue', a.tally.overdue],
    ['auditMeasures', a.tally.measures],
    ['auditMeasuresOverdue', a.tally.measuresOverdue],
    ['auditMeasuresWaiting', a.tally.measuresWaiting],
  ] as const;
  const columns: Column<Reply>[] = [
    ...(city(r) ? [{ key: 'board', header: t('reports.board'), sort: (x: Reply) => x.boardName, cell: (x: Reply) => x.boardName }] : []),
    { key: 'recommendation', header: t('reports.auditRecommendation'), rowHeader: true, cell: (x) => x.recommendation },
    {
      key: 'report',
      header: t('reports.auditReport'),
      sort: (x) => x.reportTitle,
      cell: (x) => <Link to={`/revision/${x.reportId}/svar/${x.boardId}`}>{x.reportNumber ? `${x.reportNumber} ${x.reportTitle}` : x.reportTitle}</Link>,
    },
    { key: 'due', header: t('reports.auditReplyDue'), sort: (x) => x.replyDue, cell: (x) => <span className="date">{x.replyDue}</span> },
    { key: 'status', header: t('reports.auditStatus'), cell: (x) => `${t(`auditTracking.statuses.${x.status}`)}${x.overdue ? ` – ${t('reports.auditLate')}` : ''}` },
    { key: 'measures', header: t('reports.auditMeasuresDone'), cell: (x) => t('reports.ofN', { n: x.measuresDone, total: x.measures }) },
  ];
  return (
    <section aria-labelledby="audits-heading">
      <h2 id="audits-heading">{t('reports.auditsHeading')}</h2>
      {!a.available ? (
        <NoData />
      ) : a.tally.replies === 0 ? (
        <p>{t('reports.auditsNone')}</p>
      ) : (
        <>
          <dl className="fu-figures">
            {figures.map(([key, n]) => (
              <div key={key}>
                <dt>{t(`reports.${key}`)}</dt>
                <dd>{n}</dd>
              </div>
            ))}
          </dl>
          {open.length === 0 ? (
            <p>{t('reports.auditsAllDone')}</p>
          ) : (
            <DataTable caption={t('reports.auditsOpenCaption')} pageSize={PAGE} rows={open} rowKey={(x) => `${x.recommendationId}-${x.boardId}`} columns={columns} />
          )}
        </>
      )}
    </section>
  );
}

function Decisions({ r }: { r: TReport }) {
  const { t } = useTranslation();
  const d = r.decisions;
  type Item = (typeof d.items)[number];
  const outcome = (x: Item) => `${t(`plans.decisions.outcomeShort.${x.outcome}`)}${x.revision ? ` (${t('reports.decisionRevision')})` : ''}`;
  const columns: Column<Item>[] = [
    ...(city(r) ? [{ key: 'board', header: t('reports.board'), sort: (x: Item) => x.boardName, cell: (x: Item) => x.boardName }] : []),
    { key: 'meeting', header: t('reports.decisionMeeting'), rowHeader: true, sort: (x) => x.meetingOn, cell: (x) => <Link className="date" to={`/planer/${x.planId}`}>{x.meetingOn}</Link> },
    { key: 'paragraph', header: t('reports.decisionParagraph'), cell: (x) => x.paragraph },
    { key: 'outcome', header: t('reports.decisionOutcome'), cell: outcome },
    {
      key: 'reservations',
      header: t('reports.decisionReservations'),
      cell: (x) => x.reservations.map((s) => `${t(`plans.decisions.reservationKinds.${s.kind}`)}: ${s.party}`).join('; '),
    },
  ];
  return (
    <section aria-labelledby="decisions-heading">
      <h2 id="decisions-heading">{t(city(r) ? 'reports.decisionsHeadingCity' : 'reports.decisionsHeadingBoard')}</h2>
      {!d.available ? (
        <NoData />
      ) : d.items.length === 0 ? (
        <p>{t('reports.decisionsNone', { year: r.year })}</p>
      ) : (
        <DataTable caption={t('reports.decisionsCaption', { year: r.year })} hideCaption pageSize={PAGE} rows={d.items} rowKey={(x) => x.id} columns={columns} />
      )}
    </section>
  );
}

function Collaboration({ r }: { r: TReport }) {
  const { t } = useTranslation();
  const c = r.collaboration;
  type Row = (typeof c.rows)[number];
  const forums = (x: Row) => x.collaboration?.forums ?? [];
  const meetings = (x: Row) => forums(x).reduce((n, f) => n + f.meetings, 0);
  const vbe = (x: Row) => forums(x).reduce((n, f) => n + f.vbeOnAgenda, 0);
  const partners = (x: Row) => Object.values(x.collaboration?.partnersByType ?? {}).reduce((n, k) => n + k, 0);
  const cityMeetings = c.cityForums.reduce((n, f) => n + f.meetings, 0);
  const cityVbe = c.cityForums.reduce((n, f) => n + f.vbeOnAgenda, 0);
  const numeric = (key: string, pick: (x: Row) => number | undefined): Column<Row> => ({ key, header: t(`reports.collab.${key}`), numeric: true, sort: (x) => pick(x) ?? null, cell: (x) => pick(x) ?? '–' });
  const board: Column<Row> = { key: 'board', header: t('reports.board'), rowHeader: true, sort: (x) => x.boardName, cell: (x) => x.boardName };
  const withGrants = c.rows.filter((x) => hasGrantActivity(x.grants));
  const grantColumns: Column<Row>[] = [
    board,
    numeric('applications', (x) => x.grants?.applications),
    numeric('approved', (x) => x.grants?.approved),
    numeric('rejected', (x) => x.grants?.rejected),
    numeric('failed', (x) => x.grants?.refusedForFailedCriterion),
  ];
  const columns: Column<Row>[] = [
    board,
    numeric('meetings', (x) => (x.collaboration ? meetings(x) : undefined)),
    numeric('vbe', (x) => (x.collaboration ? vbe(x) : undefined)),
    numeric('partners', (x) => (x.collaboration ? partners(x) : undefined)),
    numeric('agreements', (x) => x.collaboration?.agreements.inForce),
    numeric('dueForReview', (x) => x.collaboration?.agreements.dueForReview),
    {
      key: 'strategy',
      header: t('reports.collab.strategy'),
      cell: (x) => (!x.collaboration ? '–' : x.collaboration.strategyGoals === null ? t('reports.collab.noStrategy') : t('reports.collab.goals', { count: x.collaboration.strategyGoals })),
    },
  ];
  return (
    <section aria-labelledby="collab-heading">
      <h2 id="collab-heading">{t('reports.collab.heading')}</h2>
      {!c.available ? (
        <NoData />
      ) : (
        <>
          {city(r) && c.cityForums.length > 0 && <p>{t('reports.collab.cityForums', { count: c.cityForums.length, meetings: cityMeetings, vbe: cityVbe, year: r.year })}</p>}
          <DataTable caption={t('reports.collab.caption', { year: r.year })} pageSize={PAGE} rows={c.rows} rowKey={(x) => x.boardId} columns={columns} />
          {withGrants.length === 0 ? (
            <p>{t('reports.collab.noGrants')}</p>
          ) : (
            <DataTable caption={t('reports.collab.grantsCaption', { year: r.year })} pageSize={PAGE} rows={withGrants} rowKey={(x) => x.boardId} columns={grantColumns} />
          )}
        </>
      )}
    </section>
  );
}
