import type { z } from 'zod';
import { EMAIL_MODES, type EmailMode } from '@shared/domain/notifications/kinds';
import type { TDeliveries, ZNotification, ZNotificationList, ZPreferences, ZUnread } from '@shared/modules/notifications/schema';

/**
 * The notifications API's answers, as the server's schemas say (src/modules/notifications/schema.ts).
 * Each notification names its kind and the server's Swedish label for it; the web app shows the labels as they come.
 */
export const EMAIL_CHOICES = EMAIL_MODES;
export type EmailChoice = EmailMode;
export type TNotification = z.infer<typeof ZNotification>;
/** GET /api/notifications: newest first, at most 100. */
export type TNotificationList = z.infer<typeof ZNotificationList>;
/** GET /api/notifications/unread, and the answer to marking read. */
export type TUnread = z.infer<typeof ZUnread>;
/** GET and PUT /api/notifications/preferences; `emailEnabled` is false when the installation sends no e-mail. */
export type TNotificationPreferences = z.infer<typeof ZPreferences>;
/** GET /api/notifications/deliveries (the central coordinator). */
export type { TDeliveries };

/** Every read a notification write changes: the list, the bell's count, the preferences. */
export const NOTIFICATION_READS = ['/api/notifications'];

/** Only a path inside the web app is followed ('/…', never '//host' or another scheme). */
export const isInternalPath = (link: string) => link.startsWith('/') && !link.startsWith('//') && !link.startsWith('/\\');
