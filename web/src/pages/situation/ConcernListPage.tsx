import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../api/use-query';
import { EmptyState, Loading, LoadError } from '../../components/feedback';
import { PageHeading } from '../../components/PageHeading';
import type { TConcernListItem } from '../../../../src/modules/situation/schema';
import { ScrollBox, boardsFor, formatDate } from './components';
import { useSession } from '../../auth/session';
import type { TBoard } from '../../api/types';
import type { FormEvent } from 'react';

export function StatusTag({ c }: { c: Pick<TConcernListItem, 'status' | 'unread'> }) {
  const { t } = useTranslation();
  if (c.status === 'closed') return <span className="tag tag--off">{t('situation.status.closed')}</span>;
  if (c.unread) return <span className="tag tag--warn">{t('situation.status.new')}</span>;
  return <span className="tag tag--ok">{t('situation.status.open')}</span>;
}

/** The coordinator's list of concern reports: categories only; texts open one report at a time. */
export function ConcernListPage() {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const [params, setParams] = useSearchParams();
  const boards = useQuery<TBoard[]>('/api/boards');
  const allowed = boardsFor(me, boards.data, 'concerns.list');
  const boardId = params.get('namnd') ?? '';
  const status = params.get('status') ?? 'all';
  const query = new URLSearchParams({ status });
  if (boardId) query.set('boardId', boardId);
  const list = useQuery<TConcernListItem[]>(`/api/concerns?${query}`);

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
      <form className="filters" onSubmit={apply} aria-label={t('situation.filter.label')}>
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
            <option value="all">{t('situation.concerns.all')}</option>
            <option value="open">{t('situation.concerns.openOnly')}</option>
            <option value="closed">{t('situation.concerns.closedOnly')}</option>
          </select>
        </div>
        <button type="submit" className="button button--secondary">
          {t('situation.filter.apply')}
        </button>
      </form>
      {list.loading && <Loading />}
      {list.error && <LoadError message={list.error.message} />}
      {list.data?.length === 0 && <EmptyState>{t('situation.concerns.empty')}</EmptyState>}
      {list.data && list.data.length > 0 && (
        <ScrollBox label={t('situation.concerns.title')}>
          <table className="table">
            <caption>{t('situation.concerns.caption', { count: list.data.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('situation.concerns.occurredOn')}</th>
                <th scope="col">{t('situation.type')}</th>
                <th scope="col">{t('situation.environment')}</th>
                {allowed.length > 1 && <th scope="col">{t('situation.filter.board')}</th>}
                <th scope="col">{t('situation.concern.unit')}</th>
                <th scope="col">{t('situation.concerns.status')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link to={`/lagesbild/rapporter/${c.id}`}>
                      {formatDate(c.occurredOn, i18n.language)}
                      <span className="visually-hidden">, {t(`situation.types.${c.type}`)}</span>
                    </Link>
                  </td>
                  <td>{t(`situation.types.${c.type}`)}</td>
                  <td>{t(`situation.environments.${c.environment}`)}</td>
                  {allowed.length > 1 && <td>{c.boardName}</td>}
                  <td>{c.reportingUnitName ?? '–'}</td>
                  <td>
                    <StatusTag c={c} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      )}
    </>
  );
}
