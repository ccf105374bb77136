import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useApiMutation } from '../../api/mutation';
import { useApiQuery } from '../../api/use-query';
import { useSession } from '../../auth/session';
import { EmptyState, LoadError, Notice } from '../../components/feedback';
import { PageHeading } from '../../components/PageHeading';
import { QueryState } from '../../components/QueryState';
import { StatusTag } from '../../components/StatusTag';
import { formatDateTime } from '../../format/dates';
import { isInternalPath, NOTIFICATION_READS, type TNotification, type TNotificationList, type TUnread } from './types';
import './notifications.css';

/** Focus after a write that removes the button the user pressed: the item's heading, or the count line. */
const focusById = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());

/**
 * The user's notifications, newest first: unread ones carry an "Oläst" tag (and a bar beside
 * them), each says what it is, for which board and when, with a link to the page it is about and
 * a button that marks it read. Marking refreshes the list and the bell's count.
 */
export function NotificationsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const list = useApiQuery<TNotificationList>('/api/notifications');
  const mark = useApiMutation<TUnread>(NOTIFICATION_READS);
  const [notice, setNotice] = useState('');

  // The buttons stay enabled while a write runs (a disabled button would drop the focus); a press while one runs is ignored.
  const markOne = async (n: TNotification) => {
    if (mark.isPending) return;
    setNotice('');
    await mark.mutateAsync({ method: 'POST', path: `/api/notifications/${n.id}/read` });
    setNotice(t('notifications.list.marked'));
    focusById(`notification-${n.id}`);
  };
  const markAll = async () => {
    if (mark.isPending) return;
    setNotice('');
    await mark.mutateAsync({ method: 'POST', path: '/api/notifications/read-all' });
    setNotice(t('notifications.list.markedAll'));
    focusById('notifications-count');
  };
  // Following a notification's link reads it: marked on the way, the page it leads to opens at once.
  const opened = (n: TNotification) => {
    if (!n.readAt) mark.mutate({ method: 'POST', path: `/api/notifications/${n.id}/read` });
  };

  return (
    <>
      <PageHeading title={t('notifications.list.title')}>{t('notifications.list.title')}</PageHeading>
      <p className="lead">{t('notifications.list.lead')}</p>
      <ul className="notifications-links">
        <li>
          <Link to="/aviseringar/installningar">{t('notifications.list.settings')}</Link> – {t('notifications.list.settingsText')}
        </li>
        {can('notifications.deliveries') && (
          <li>
            <Link to="/aviseringar/utskick">{t('notifications.list.deliveries')}</Link> – {t('notifications.list.deliveriesText')}
          </li>
        )}
      </ul>
      {notice && <Notice>{notice}</Notice>}
      {mark.error && <LoadError message={mark.error.message} />}
      <QueryState query={list}>
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState>
              {t('notifications.list.empty')} {t('notifications.list.emptyText')}
            </EmptyState>
          ) : (
            <>
              <div className="notifications-summary">
                <p id="notifications-count" tabIndex={-1}>
                  {data.unread > 0 ? t('notifications.list.unread', { count: data.unread }) : t('notifications.list.allRead')}
                </p>
                {data.unread > 0 && (
                  <button type="button" className="button button--secondary button--small" onClick={() => void markAll().catch(() => undefined)}>
                    {t('notifications.list.markAll')}
                  </button>
                )}
              </div>
              <ul className="notifications" aria-label={t('notifications.list.listLabel')}>
                {data.items.map((n) => (
                  <NotificationItem key={n.id} n={n} onMark={() => void markOne(n).catch(() => undefined)} onOpen={() => opened(n)} />
                ))}
              </ul>
            </>
          )
        }
      </QueryState>
    </>
  );
}

function NotificationItem({ n, onMark, onOpen }: { n: TNotification; onMark(): void; onOpen(): void }) {
  const { t } = useTranslation();
  const unread = !n.readAt;
  return (
    <li className={unread ? 'notification notification--unread' : 'notification'}>
      <article aria-labelledby={`notification-${n.id}`}>
        <h2 id={`notification-${n.id}`} tabIndex={-1} className="notification__title">
          {n.title}
          {unread && (
            <>
              {' '}
              <StatusTag tone="warn">{t('notifications.list.unreadTag')}</StatusTag>
            </>
          )}
        </h2>
        <p className="notification__meta">
          {n.kindLabel}
          {n.boardName && <> · {n.boardName}</>} ·{' '}
          <time dateTime={n.createdAt}>{t('notifications.list.received', { time: formatDateTime(n.createdAt) })}</time>
        </p>
        {n.body && <p className="notification__body">{n.body}</p>}
        <div className="notification__actions">
          {isInternalPath(n.link) && (
            <Link to={n.link} onClick={onOpen} className="notification__open" aria-label={t('notifications.list.openLabel', { title: n.title })}>
              {t('notifications.list.open')}
            </Link>
          )}
          {unread && (
            <button type="button" className="button button--secondary button--small" onClick={onMark} aria-label={t('notifications.list.markOneLabel', { title: n.title })}>
              {t('notifications.list.markOne')}
            </button>
          )}
        </div>
      </article>
    </li>
  );
}
