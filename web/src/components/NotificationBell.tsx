import { useEffect, useRef } from 'react';
import { NavLink, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiError } from '../api/client';
import type { TUnread } from '../pages/notifications/types';
import './notification-bell.css';

/** The bell's cheap read of the unread count. */
const UNREAD_PATH = '/api/notifications/unread';

/** How often the bell asks for the unread count while a page is open. */
const POLL_MS = 60_000;

/**
 * The bell in the header: a link to /aviseringar with the number of unread notifications as a
 * badge. Its name is its visible text plus a hidden word ("Aviseringar 3 olästa"), so the badge is
 * never the only carrier and the name starts with what a speech user sees (WCAG 2.5.3). It asks again every minute and on every change of page; marking a notification
 * read refreshes it too (everything under /api/notifications is invalidated).
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const { pathname } = useLocation();
  const query = useQuery<TUnread, ApiError>({ queryKey: [UNREAD_PATH], refetchInterval: POLL_MS });
  const firstPath = useRef(pathname);
  useEffect(() => {
    // The first page's count is the mount's read; later pages ask again.
    if (pathname === firstPath.current) return;
    firstPath.current = '';
    void client.invalidateQueries({ queryKey: [UNREAD_PATH], exact: true });
  }, [pathname, client]);
  const count = query.data?.unread ?? 0;
  return (
    <NavLink to="/aviseringar" end className="bell">
      <svg className="bell__icon" aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="20" height="20">
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Zm-2 1H7v-6a5 5 0 0 1 10 0v6Z"
        />
      </svg>
      <span className="bell__text">{t('notifications.bell.label')}</span>
      {count > 0 && (
        <span className="bell__badge">
          {count > 99 ? '99+' : count}
          <span className="visually-hidden"> {t('notifications.bell.unread', { count })}</span>
        </span>
      )}
    </NavLink>
  );
}
