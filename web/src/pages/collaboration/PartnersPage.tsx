import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PARTNER_TYPES } from '@shared/domain/collaboration/model';
import { useApiQuery } from '../../api/use-query';
import { useSession } from '../../auth/session';
import { DataTable } from '../../components/DataTable';
import { EmptyState } from '../../components/feedback';
import { PageHeading } from '../../components/PageHeading';
import { QueryState } from '../../components/QueryState';
import { StatusTag } from '../../components/StatusTag';
import { ArrivalNotice, BackToCollaboration, useBoardsFor, type TPartner } from './shared';
import './collaboration.css';

/** The partner register: search by name, filter by type and board (kept in the address), archived ones on request. */
export function PartnersPage() {
  const { t } = useTranslation();
  const { can, canEverywhere } = useSession();
  const [params, setParams] = useSearchParams();
  // A board's partner is changed by those who write on each of its boards; the city's by the central coordinator.
  const mayEdit = (p: TPartner) => (p.boards.length ? p.boards.every((b) => can('partners.update', b.id)) : canEverywhere('partners.update'));
  const boards = useBoardsFor('partners.list');
  const query = new URLSearchParams();
  for (const [from, to] of [
    ['sok', 'q'],
    ['typ', 'type'],
    ['namnd', 'boardId'],
  ] as const) {
    const v = params.get(from);
    if (v) query.set(to, v);
  }
  if (params.get('arkiverade')) query.set('archived', 'true');
  const partners = useApiQuery<TPartner[]>(`/api/partners${query.size ? `?${query}` : ''}`);
  const filterKey = params.toString();

  return (
    <>
      <BackToCollaboration />
      <PageHeading title={t('collab.partners.title')}>{t('collab.partners.title')}</PageHeading>
      <p className="lead">{t('collab.partners.lead')}</p>
      <ArrivalNotice />
      {can('partners.create') && (
        <p>
          <Link className="button" to="/samverkan/parter/ny">
            {t('collab.partners.new')}
          </Link>
        </p>
      )}
      <form
        className="inline-fields"
        aria-label={t('collab.partners.filters')}
        key={filterKey}
        onSubmit={(e) => {
          e.preventDefault();
          const data = new FormData(e.currentTarget);
          const next: Record<string, string> = {};
          for (const name of ['sok', 'typ', 'namnd', 'arkiverade']) {
            const v = String(data.get(name) ?? '').trim();
            if (v) next[name] = v;
          }
          setParams(next);
        }}
      >
        <div className="field">
          <label htmlFor="partners-q">{t('collab.partners.q')}</label>
          <input id="partners-q" name="sok" type="search" maxLength={100} defaultValue={params.get('sok') ?? ''} />
        </div>
        <div className="field">
          <label htmlFor="partners-type">{t('collab.partners.type')}</label>
          <select id="partners-type" name="typ" defaultValue={params.get('typ') ?? ''}>
            <option value="">{t('collab.partners.allTypes')}</option>
            {PARTNER_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`collab.partnerTypes.${type}`)}
              </option>
            ))}
          </select>
        </div>
        {boards.length > 1 && (
          <div className="field">
            <label htmlFor="partners-board">{t('collab.board')}</label>
            <select id="partners-board" name="namnd" defaultValue={params.get('namnd') ?? ''}>
              <option value="">{t('collab.allBoards')}</option>
              {boards.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="checkbox">
          <input id="partners-archived" name="arkiverade" type="checkbox" value="1" defaultChecked={Boolean(params.get('arkiverade'))} />
          <label htmlFor="partners-archived">{t('collab.partners.archived')}</label>
        </div>
        <button type="submit" className="button button--secondary">
          {t('collab.show')}
        </button>
      </form>
      <QueryState query={partners}>
        {(list) =>
          list.length === 0 ? (
            <EmptyState>{t('collab.partners.none')}</EmptyState>
          ) : (
            <DataTable
              caption={t('collab.partners.caption')}
              rows={list}
              rowKey={(p) => p.id}
              pageSize={50}
              columns={[
                {
                  key: 'name',
                  header: t('collab.partners.name'),
                  rowHeader: true,
                  cell: (p) => (
                    <>
                      {p.name}
                      {p.archived && (
                        <>
                          {' '}
                          <StatusTag tone="off">{t('collab.partners.archivedTag')}</StatusTag>
                        </>
                      )}
                    </>
                  ),
                  sort: (p) => p.name,
                },
                { key: 'type', header: t('collab.partners.type'), cell: (p) => t(`collab.partnerTypes.${p.type}`), sort: (p) => t(`collab.partnerTypes.${p.type}`) },
                { key: 'boards', header: t('collab.partners.boards'), cell: (p) => (p.boards.length ? p.boards.map((b) => b.name).join(', ') : t('collab.wholeCity')) },
                {
                  key: 'contacts',
                  header: t('collab.partners.contacts'),
                  cell: (p) => (
                    <ul className="plain-list">
                      {p.contacts.map((c) => (
                        <li key={c.mailbox + c.role}>
                          {c.role}: <a href={`mailto:${c.mailbox}`}>{c.mailbox}</a>
                        </li>
                      ))}
                    </ul>
                  ),
                },
                { key: 'used', header: t('collab.partners.used'), cell: (p) =>
                    [
                      t('collab.partners.usedActivities', { count: p.usedBy.activities }),
                      t('collab.partners.usedForums', { count: p.usedBy.forums }),
                      t('collab.partners.usedAgreements', { count: p.usedBy.agreements }),
                    ].join(', '),
                },
                {
                  key: 'edit',
                  header: <span className="visually-hidden">{t('collab.partners.editLink')}</span>,
                  cell: (p) =>
                    mayEdit(p) && (
                      <Link to={`/samverkan/parter/${p.id}`} aria-label={t('collab.partners.edit', { name: p.name })}>
                        {t('collab.partners.editLink')}
                      </Link>
                    ),
                },
              ]}
            />
          )
        }
      </QueryState>
    </>
  );
}
