import { Route } from 'react-router';
import { DeliveriesPage, NotificationSettingsPage, NotificationsPage } from './lazy';

/** The user's notifications, their e-mail settings and the central coordinator's deliveries, inside App's RequireSession route. */
export const notificationRoutes = (
  <>
    <Route path="aviseringar" element={<NotificationsPage />} />
    <Route path="aviseringar/installningar" element={<NotificationSettingsPage />} />
    <Route path="aviseringar/utskick" element={<DeliveriesPage />} />
  </>
);
