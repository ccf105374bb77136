import { lazyPage } from '../../components/lazy-page';

// The notification pages load with their own code (components/lazy-page.tsx); the bell is in the layout.
export const NotificationsPage = lazyPage(() => import('./NotificationsPage'), 'NotificationsPage');
export const NotificationSettingsPage = lazyPage(() => import('./NotificationSettingsPage'), 'NotificationSettingsPage');
export const DeliveriesPage = lazyPage(() => import('./DeliveriesPage'), 'DeliveriesPage');
