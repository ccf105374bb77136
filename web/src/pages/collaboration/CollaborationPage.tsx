import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/use-query';
import { useSession } from '../../auth/session';
import { DataTable } from '../../components/DataTable';
import { EmptyState } from '../../components/feedback';
import { BoardFilter } from '../../components/BoardFilter';
import { PageHeading } from '../../components/PageHeading';
import { QueryState } from '../../components/QueryState';
import { StatusTag } from '../../components/StatusTag';
import { formatDay } from '../../format/dates';
import { ReviewTag, useBoardsFor, type TAgreement, type TForum, type TStrategy } from './shared';
import './collaboration.css';

/**
 * The collaboration hub: the forums with this year's meetings, the agreements coming up for review
 * and each board's civil-society strategy, with links to the partner register, the agreements and
 * grant vetting. A board filter narrows it for those who read several boards.
 */
export function CollaborationPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [params] = useSearchParams();
  const boardId = params.get('namnd');
  const boards = useBoardsFor('forums.list');
  const forBoard = boardId ? `?boardId=${boardId}` : '';
  const forums = useApiQuery<TForum[]>(`/api/forums${forBoard}`);
  const soon = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
  const due = useApiQuery<TAgreement[]>(`/api/agreements?dueBefore=${soon}${boardId ? `&boardId=${boardId}` : ''}`);
  const strategies = useApiQuery<TStrategy[]>('/api/civil-society-strategies');

  return (
    <>
      <PageHeading title={t('collab.title')}>{t('collab.title')}</PageHeading>
      <p className="lead">{t('collab.lead')}</p>
      <BoardFilter id="collab-board" boards={boards} label={t('collab.board')} allLabel={t('collab.allBoards')} showLabel={t('collab.show')} />

      <section aria-labelledby="collab-links">
        <h2 id="collab-links">{t('collab.links.heading')}</h2>
        <ul className="card-list">
          <li className="card">
            <Link to="/samverkan/parter">{t('collab.links.partners')}</Link>
            <p>{t('collab.links.partnersText')}</p>
          </li>
          <li className="card">
            <Link to="/samverkan/overenskommelser">{t('collab.links.agreements')}</Link>
            <p>{t('collab.links.agreementsText')}</p>
          </li>
          {can('grant_applications.list') && (
            <li className="card">
              <Link to="/samverkan/bidrag">{t('collab.links.grants')}</Link>
              <p>{t('collab.links.grantsText')}</p>
            </li>
          )}
        </ul>
      </section>

      <section aria-labelledby="collab-forums">
        <h2 id="collab-forums">{t('collab.forums.heading')}</h2>
        {can('forums.create') && (
          <p>
            <Link className="button button--secondary" to="/samverkan/forum/ny">
              {t('collab.forums.new')}
            </Link>
          </p>
        )}
        <QueryState query={forums}>
          {(list) =>
            list.length === 0 ? (
              <EmptyState>{t('collab.forums.none')}</EmptyState>
            ) : (
              <DataTable
                caption={t('collab.forums.caption')}
                hideCaption
                rows={[...list].sort((a, b) => Number(a.boardId === null) - Number(b.boardId === null))}
                rowKey={(f) => f.id}
                columns={[
                  { key: 'name', header: t('collab.forums.name'), rowHeader: true, cell: (f) => <Link to={`/samverkan/forum/${f.id}`}>{f.name}</Link>, sort: (f) => f.name },
                  { key: 'board', header: t('collab.forums.board'), cell: (f) => f.boardName ?? t('collab.wholeCity'), sort: (f) => f.boardName ?? '' },
                  { key: 'cadence', header: t('collab.forums.cadence'), cell: (f) => (f.cadence ? t(`collab.cadences.${f.cadence}`) : '') },
                  { key: 'meetings', header: t('collab.forums.meetings'), numeric: true, cell: (f) => f.meetingsThisYear, sort: (f) => f.meetingsThisYear },
                  { key: 'vbe', header: t('collab.forums.vbe'), numeric: true, cell: (f) => f.vbeMeetingsThisYear, sort: (f) => f.vbeMeetingsThisYear },
                  { key: 'last', header: t('collab.forums.last'), cell: (f) => (f.lastMeetingOn ? formatDay(f.lastMeetingOn) : t('collab.forums.never')), sort: (f) => f.lastMeetingOn ?? '' },
                ]}
              />
            )
          }
        </QueryState>
      </section>

      <section aria-labelledby="collab-due">
        <h2 id="collab-due">{t('collab.dueAgreements.heading')}</h2>
        <QueryState query={due}>
          {(list) =>
            list.length === 0 ? (
              <EmptyState>{t('collab.dueAgreements.none')}</EmptyState>
            ) : (
              <ul className="plain-list collab-due">
                {list.map((a) => (
                  <li key={a.id}>
                    <Link to={`/samverkan/overenskommelser/${a.id}`}>{a.title}</Link> ({a.boardName ?? t('collab.wholeCity')}): {formatDay(a.reviewOn)} <ReviewTag state={a.reviewState} />
                  </li>
                ))}
              </ul>
            )
          }
        </QueryState>
      </section>

      <section aria-labelledby="collab-strategies">
        <h2 id="collab-strategies">{t('collab.strategies.heading')}</h2>
        <QueryState query={strategies}>
          {(list) => (
            <DataTable
              caption={t('collab.strategies.caption')}
              hideCaption
              rows={boardId ? list.filter((s) => s.boardId === boardId) : list}
              rowKey={(s) => s.boardId}
              columns={[
                {
                  key: 'board',
                  header: t('collab.board'),
                  rowHeader: true,
                  cell: (s) => <Link to={`/samverkan/strategi/${s.boardId}`}>{s.boardName}</Link>,
                  sort: (s) => s.boardName,
                },
                { key: 'exists', header: t('collab.strategies.heading'), cell: (s) => <StatusTag tone={s.exists ? 'ok' : 'warn'}>{t(s.exists ? 'collab.strategies.exists' : 'collab.strategies.missing')}</StatusTag>, sort: (s) => (s.exists ? 1 : 0) },
                { key: 'goals', header: t('collab.strategies.goals'), numeric: true, cell: (s) => s.goals.length, sort: (s) => s.goals.length },
                { key: 'adopted', header: t('collab.strategies.adopted'), cell: (s) => (s.adoptedOn ? formatDay(s.adoptedOn) : '') },
              ]}
            />
          )}
        </QueryState>
      </section>
    </>
  );
}
