import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TBoard } from '@shared/modules/orgs/schema';
import { useApiQuery } from '../../api/use-query';
import { useSession } from '../../auth/session';
import { EmptyState } from '../../components/feedback';
import { PageHeading } from '../../components/PageHeading';
import { QueryState } from '../../components/QueryState';
import { ScrollTable, thisYear, useLongDate, type TPeriodInfo } from './shared';

/** The follow-up start page: this year's periods and where each role goes next. */
export function FollowUpPage() {
  const { t } = useTranslation();
  const { me, can } = useSession();
  const long = useLongDate();
  const year = thisYear();
  const periods = useApiQuery<TPeriodInfo[]>(`/api/followup/periods?year=${year}`);
  const boards = useApiQuery<TBoard[]>('/api/boards');
  if (!me) return null;

  return (
    <>
      <PageHeading title={t('followup.title')}>{t('followup.title')}</PageHeading>
      <p className="lead">{t('followup.lead')}</p>

      <section aria-labelledby="fu-shortcuts">
        <h2 id="fu-shortcuts">{t('followup.shortcuts')}</h2>
        <ul className="card-list">
          {can('followup.mine') && (
            <li className="card">
              <Link to="/uppfoljning/mina">{t('followup.mine')}</Link>
              <p className="hint">{t('followup.mineDescription')}</p>
            </li>
          )}
          {can('followup.periods.manage') && (
            <li className="card">
              <Link to="/uppfoljning/perioder">{t('followup.manage')}</Link>
              <p className="hint">{t('followup.manageDescription')}</p>
            </li>
          )}
          {can('followup.context.list') && (
            <li className="card">
              <Link to="/uppfoljning/kontext">{t('followup.context')}</Link>
              <p className="hint">{t('followup.contextDescription')}</p>
            </li>
          )}
        </ul>
      </section>

      <section aria-labelledby="fu-periods">
        <h2 id="fu-periods">{t('followup.periodsHeading', { year })}</h2>
        <QueryState query={periods}>
          {(list) => (
            <ScrollTable label={t('followup.periodsCaption', { year })}>
              <table className="table">
                <caption className="visually-hidden">{t('followup.periodsCaption', { year })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('followup.period')}</th>
                    <th scope="col">{t('followup.opensOn')}</th>
                    <th scope="col">{t('followup.deadline')}</th>
                    <th scope="col">{t('followup.closesOn')}</th>
                    <th scope="col">{t('followup.state')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((p) => (
                    <tr key={p.period}>
                      <th scope="row">{`${t(`followup.periods.${p.kind}`)} ${p.year}`}</th>
                      <td>{p.opensOn}</td>
                      <td>{long(p.deadline)}</td>
                      <td>{p.closesOn ?? t('followup.noCloseDate')}</td>
                      <td>
                        <span className={`tag ${p.state === 'open' ? 'tag--ok' : 'tag--off'}`}>{t(`followup.states.${p.state}`)}</span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollTable>
          )}
        </QueryState>
      </section>

      <section aria-labelledby="fu-boards">
        <h2 id="fu-boards">{t('followup.boardsHeading')}</h2>
        <p className="hint">{t('followup.boardsDescription')}</p>
        <QueryState query={boards}>
          {(all) => {
            const visible = all.filter((b) => can('followup.board', b.id));
            return visible.length === 0 ? (
              <EmptyState>{t('followup.noBoards')}</EmptyState>
            ) : (
              <ul className="link-list">
                {visible.map((b) => (
                  <li key={b.id}>
                    <Link to={`/uppfoljning/namnd/${b.id}`}>{b.name}</Link>
                  </li>
                ))}
              </ul>
            );
          }}
        </QueryState>
      </section>
    </>
  );
}
