import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TInbox } from '@shared/modules/situation/schema';
import { useApiQuery } from '../../api/use-query';
import { useSession } from '../../auth/session';

/** Start-page notice for coordinators: open concern reports they have not read yet. The list opens on open reports; a board link filters it by `?namnd=` (as the start page's overview does). */
export function ConcernInbox() {
  const { t } = useTranslation();
  const { can } = useSession();
  const coordinator = can('concerns.inbox');
  const inbox = useApiQuery<TInbox>(coordinator ? '/api/concerns/inbox' : null);
  if (!coordinator || !inbox.data) return null;
  const { unread, boards } = inbox.data;
  return (
    <section aria-labelledby="inbox-heading" className="panel">
      <h2 id="inbox-heading">{t('situation.inbox.heading')}</h2>
      {unread === 0 ? (
        <p>{t('situation.inbox.none')}</p>
      ) : (
        <>
          <p>
            <Link to="/lagesbild/rapporter">{t('situation.inbox.unread', { count: unread })}</Link>
          </p>
          {boards.length > 1 && (
            <ul>
              {boards.map((b) => (
                <li key={b.boardId}>
                  <Link to={`/lagesbild/rapporter?namnd=${b.boardId}`}>{t('situation.inbox.perBoard', { board: b.boardName, count: b.unread })}</Link>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
