import type { FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TConcernListItem } from '@shared/modules/situation/schema';
import type { TBoard } from '../../api/types';
import { useApiQuery } from '../../api/use-query';
import { useSession } from '../../auth/session';
import { EmptyState } from '../../components/feedback';
import { PageHeading } from '../../components/PageHeading';
import { QueryState } from '../../components/QueryState';
import { StatusTag } from '../../components/StatusTag';
import { ScrollBox, boardsFor, formatDate } from './components';

/**
 * A report's status in one vocabulary, the same in the list, on the report and in the filter:
 * "Öppen" or "Avslutad". Whether the reader has opened it is a separate word ("Oläst"), not a status.
 */
export function ConcernStatus({ c, withUnread = false }: { c: Pick<TConcernListItem, 'status' | 'unread'>; withUnread?: boolean }) {
  const { t } = useTranslation();
  if (c.status === 'closed') return <StatusTag tone="off">{t('situation.status.closed')}</StatusTag>;
  return (
    <>
      <StatusTag tone="ok">{t('situation.status.open')}</StatusTag>
      {withUnread && c.unread && (
        <>
          {' '}
          <StatusTag tone="warn">{t('situation.status.unread')}</StatusTag>
        </>
      )}
    </>
  );
}

const STATUSES = ['open', 'closed', 'all'] as const;

/** The coordinator's list of concern reports: categories only; texts open one report at a time. */
export function ConcernListPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const [params, setParams] = useSearchParams();
  const boards = useApiQuery<TBoard[]>('/api/boards');
  const allowed = boardsFor(me, boards.data, 'concerns.list');
  const boardId = params.get('namnd') ?? '';
  // The inbox opens on the reports still to handle; "Alla" and "Avslutade" are one choice away.
  const status = STATUSES.find((v) => v === params.get('status')) ?? 'open';
  const query = new URLSearchParams({ status });
  if (boardId) query.set('boardId', boardId);
  const list = useApiQuery<TConcernListItem[]>(`/api/concerns?${query}`);

  const boardName = allowed.find((b) => b.id === boardId)?.name;
  const caption = (count: number) =>
    boardName ? t(`situation.concerns.captionBoard.${status}`, { count, board: boardName }) : t(`situation.concerns.caption.${status}`, { count });

  function apply(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const p = new URLSearchParams();
    if (data.get('board')) p.set('namnd', String(data.get('board')));
    p.set('status', String(data.get('status')));
    setParams(p);
  }

  return (
    <>
      <p>
        <Link to="/lagesbild">{t('situation.back')}</Link>
      </p>
      <PageHeading title={t('situation.concerns.title')}>{t('situation.concerns.title')}</PageHeading>
      <p className="lead">{t('situation.concerns.lead')}</p>
      <form className="filters" onSubmit={apply} aria-label={t('situation.concerns.filterLabel')}>
        {allowed.length > 1 && (
          <div className="field">
            <label htmlFor="concerns-board">{t('situation.filter.board')}</label>
            <select id="concerns-board" name="board" defaultValue={boardId} key={boardId}>
              <option value="">{t('situation.filter.allBoards')}</option>
              {allowed.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field">
          <label htmlFor="concerns-status">{t('situation.concerns.statusFilter')}</label>
          <select id="concerns-status" name="status" defaultValue={status} key={status}>
            {STATUSES.map((v) => (
              <option key={v} value={v}>
                {t(`situation.concerns.filter.${v}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--secondary">
          {t('situation.filter.apply')}
        </button>
      </form>
      <QueryState query={list}>{(rows) => (rows.length === 0 ? <EmptyState>{t('situation.concerns.empty')}</EmptyState> : <ConcernTable rows={rows} withBoard={allowed.length > 1} caption={caption(rows.length)} />)}</QueryState>
    </>
  );
}

function ConcernTable({ rows, withBoard, caption }: { rows: TConcernListItem[]; withBoard: boolean; caption: string }) {
  const { t } = useTranslation();
  return (
    <ScrollBox label={t('situation.concerns.title')}>
      <table className="table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('situation.concerns.occurredOn')}</th>
            <th scope="col">{t('situation.type')}</th>
            <th scope="col">{t('situation.environment')}</th>
            {withBoard && <th scope="col">{t('situation.filter.board')}</th>}
            <th scope="col">{t('situation.concern.unit')}</th>
            <th scope="col">{t('situation.concerns.status')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr key={c.id}>
              <td>
                <Link to={`/lagesbild/rapporter/${c.id}`}>
                  {formatDate(c.occurredOn)}
                  <span className="visually-hidden">, {t(`situation.types.${c.type}`)}</span>
                </Link>
              </td>
              <td>{t(`situation.types.${c.type}`)}</td>
              <td>{t(`situation.environments.${c.environment}`)}</td>
              {withBoard && <td>{c.boardName}</td>}
              <td>{c.reportingUnitName ?? '–'}</td>
              <td>
                <ConcernStatus c={c} withUnread />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}
