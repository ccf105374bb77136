import { z } from 'zod';
import { EMAIL_MODES, NOTIFICATION_KINDS } from '../../domain/notifications/kinds.js';
export const ZIdParams = z.object({ id: z.uuid({ error: 'Ogiltigt id.' }) });

export const ZNotification = z.object({
  id: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  title: z.string(),
  body: z.string(),
  /** A path inside Värna. */
  link: z.string(),
  boardName: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export const ZNotificationList = z.object({ items: z.array(ZNotification), unread: z.number() });
export const ZUnread = z.object({ unread: z.number() });

const ZEmailMode = z.enum(EMAIL_MODES, { error: 'Välj Direkt, Daglig sammanfattning, Veckosammanfattning eller Av.' });
export const ZPreferences = z.object({
  /** False when the server has no mail server (VARNA_SMTP_URL): notifications are in-app only. */
  emailEnabled: z.boolean(),
  address: z.string(),
  kinds: z.array(z.object({ kind: z.enum(NOTIFICATION_KINDS), label: z.string(), description: z.string(), email: ZEmailMode })),
});
export const ZPreferencesRequest = z.strictObject({
  kinds: z.partialRecord(z.enum(NOTIFICATION_KINDS, { error: 'Okänd sorts avisering.' }), ZEmailMode),
});
export type TPreferencesRequest = z.infer<typeof ZPreferencesRequest>;

export const ZDeliveries = z.object({
  sent: z.array(z.object({ day: z.string(), kind: z.string(), kindLabel: z.string(), recipients: z.number() })),
  failed: z.array(
    z.object({
      id: z.string(),
      at: z.string(),
      kind: z.string(),
      kindLabel: z.string(),
      recipient: z.string(),
      attempts: z.number(),
      error: z.string().nullable(),
      status: z.enum(['failed', 'uncertain']),
    }),
  ),
});
export type TDeliveries = z.infer<typeof ZDeliveries>;

export const ZRetried = z.object({ id: z.string(), status: z.literal('pending') });
