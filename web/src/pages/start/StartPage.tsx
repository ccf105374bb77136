import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session';
import { PageHeading } from '../../components/PageHeading';
import { WhenSettled } from '../../components/WhenSettled';
import { navFor } from '../../nav';
import { ConcernInbox } from '../situation/ConcernInbox';
import { AuditPanel } from '../audit-tracking/AuditPanel';
import { NewsPanel } from '../hub/NewsPanel';
import { BoardMemberPanel } from './BoardMemberPanel';
import { BoardsOverview } from './BoardsOverview';
import { BoardTodo, MyTodo } from './TodoPanel';
import './start.css';

/**
 * The start page, by what the user does: "Att göra" for those who report and write plans, their
 * board's plan, report and decisions for board members, and the table of all boards for those
 * who read several (the central coordinator's Monday questions).
 */
export function StartPage() {
  const { t } = useTranslation();
  const { me, can } = useSession();
  if (!me) return null;
  const shortcuts = navFor((a) => can(a)).filter((n) => n.path !== '/');
  // Boards whose plan and analysis the user writes: their to-do lists.
  const writes = me.can['followup.analysis.write'];
  const coordinated = Array.isArray(writes) ? writes : [];
  // The boards the user sits on as a member (a reader's grant for one board).
  const memberOf = me.user.roles.filter((r) => r.role === 'viewer' && r.boardId);
  const hasTodo = can('followup.mine') || coordinated.length > 0;
  return (
    <>
      <PageHeading title={t('start.title')}>{t('start.greeting', { name: me.user.name })}</PageHeading>
      <p className="lead">{t('start.lead', { municipality: me.municipality.name })}</p>

      <WhenSettled>
        {hasTodo && (
          <section aria-labelledby="todo-heading" className="panel start-todo">
            <h2 id="todo-heading">{t('startPage.todo.heading')}</h2>
            <p className="hint">{t('startPage.todo.lead')}</p>
            {can('followup.mine') && <MyTodo />}
            {coordinated.map((id) => (
              <BoardTodo key={id} boardId={id} />
            ))}
          </section>
        )}

        {memberOf.map((r) => (
          <BoardMemberPanel key={r.boardId} boardId={r.boardId!} boardName={r.boardName ?? ''} />
        ))}

        {can('overview.boards') && <BoardsOverview />}

        <ConcernInbox />
        <AuditPanel />
        {can('news.list') && <NewsPanel />}

        <section aria-labelledby="roles-heading" className="panel">
          <h2 id="roles-heading">{t('start.rolesHeading')}</h2>
          {me.user.roles.length === 0 ? (
            <p>{t('start.noRoles')}</p>
          ) : (
            <ul className="role-list">
              {me.user.roles.map((r) => (
                <li key={`${r.role}-${r.boardId}`}>
                  <strong>{t(`roles.${r.role}`)}</strong> – {r.boardName ?? t('start.wholeMunicipality', { municipality: me.municipality.name })}
                  <p className="hint">{t(`roleDescriptions.${r.role}`)}</p>
                </li>
              ))}
            </ul>
          )}
        </section>

        <section aria-labelledby="shortcuts-heading">
          <h2 id="shortcuts-heading">{t('start.shortcutsHeading')}</h2>
          <ul className="card-list">
            {shortcuts.map((n) => (
              <li key={n.path} className="card">
                <Link to={n.path}>{t(n.labelKey)}</Link>
                <p className="hint">{t(`${n.labelKey}Description`)}</p>
              </li>
            ))}
          </ul>
        </section>
      </WhenSettled>
    </>
  );
}
