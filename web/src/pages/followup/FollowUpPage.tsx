import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TBoard } from '../../api/types';
import { useQuery } from '../../api/use-query';
import { useSession } from '../../auth/session';
import { EmptyState, Loading, LoadError } from '../../components/feedback';
import { PageHeading } from '../../components/PageHeading';
import { ScrollTable, thisYear, type TPeriodInfo } from './shared';

/** The follow-up start page: this year's periods and where each role goes next. */
export function FollowUpPage() {
  const { t } = useTranslation();
  const { me, can } = useSession();
  const year = thisYear();
  const periods = useQuery<TPeriodInfo[]>(`/api/followup/periods?year=${year}`);
  const boards = useQuery<TBoard[]>('/api/boards');
  if (!me) return null;
  const visible = (boards.data ?? []).filter((b) => can('followup.board', b.id));

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
        {periods.loading && <Loading />}
        {periods.error && <LoadError message={periods.error.message} />}
        {periods.data && (
          <ScrollTable label={t('followup.periodsCaption', { year })}>
            <table className="table">
              <caption className="visually-hidden">{t('followup.periodsCaption', { year })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('followup.period')}</th>
                  <th scope="col">{t('followup.opensOn')}</th>
                  <th scope="col">{t('followup.closesOn')}</th>
                  <th scope="col">{t('followup.state')}</th>
                </tr>
              </thead>
              <tbody>
                {periods.data.map((p) => (
                  <tr key={p.period}>
                    <th scope="row">{`${t(`followup.periods.${p.kind}`)} ${p.year}`}</th>
                    <td>{p.opensOn}</td>
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
      </section>

      <section aria-labelledby="fu-boards">
        <h2 id="fu-boards">{t('followup.boardsHeading')}</h2>
        <p className="hint">{t('followup.boardsDescription')}</p>
        {boards.loading && <Loading />}
        {boards.data && visible.length === 0 && <EmptyState>{t('followup.noBoards')}</EmptyState>}
        {visible.length > 0 && (
          <ul className="link-list">
            {visible.map((b) => (
              <li key={b.id}>
                <Link to={`/uppfoljning/namnd/${b.id}`}>{b.name}</Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
