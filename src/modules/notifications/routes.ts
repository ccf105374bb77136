/** Notifications (API.md "Notifications", issue #17): the user's own list, read marks and e-mail choices; what was sent. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as service from './service.js';
import { ZDeliveries, ZIdParams, ZRetried, ZNotificationList, ZPreferences, ZPreferencesRequest, ZUnread } from './schema.js';

const tags = ['notifications'];

export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  const emailEnabled = !!app.config.smtpUrl;

  app.get('/api/notifications', {
    config: { action: 'notifications.own' },
    schema: { tags, summary: 'My in-app notifications, newest first (at most 100), and how many are unread', response: { 200: ZNotificationList } },
    handler: (req) => service.listNotifications({ db: app.db, actor: req.actor! }),
  });
  app.get('/api/notifications/unread', {
    config: { action: 'notifications.own' },
    schema: { tags, summary: 'How many of my notifications are unread (the bell)', response: { 200: ZUnread } },
    handler: (req) => service.unread({ db: app.db, actor: req.actor! }),
  });
  app.post('/api/notifications/read-all', {
    config: { action: 'notifications.own' },
    schema: { tags, summary: 'Mark all my notifications read', response: { 200: ZUnread } },
    handler: (req) => service.markAllRead({ db: app.db, actor: req.actor! }),
  });
  app.post('/api/notifications/:id/read', {
    config: { action: 'notifications.own' },
    schema: { tags, summary: 'Mark one of my notifications read', params: ZIdParams, response: { 200: ZUnread } },
    handler: (req) => service.markRead({ db: app.db, actor: req.actor!, id: req.params.id }),
  });
  app.get('/api/notifications/preferences', {
    config: { action: 'notifications.own' },
    schema: { tags, summary: 'My e-mail choice per kind of notification', response: { 200: ZPreferences } },
    handler: (req) => service.getPreferences({ db: app.db, actor: req.actor!, emailEnabled }),
  });
  app.put('/api/notifications/preferences', {
    config: { action: 'notifications.own' },
    schema: { tags, summary: 'Change my e-mail choices (immediate, daily or weekly digest, off) for the kinds given', body: ZPreferencesRequest, response: { 200: ZPreferences } },
    handler: (req) => service.savePreferences({ db: app.db, actor: req.actor!, emailEnabled, input: req.body }),
  });
  app.get('/api/notifications/deliveries', {
    config: { action: 'notifications.deliveries' },
    schema: { tags, summary: 'E-mails sent per day and kind (recipient counts), and failed deliveries (the central coordinator)', response: { 200: ZDeliveries } },
    handler: (req) => service.deliveries({ db: app.db, actor: req.actor! }),
  });
  app.post('/api/notifications/deliveries/:id/retry', {
    config: { action: 'notifications.retry' },
    schema: { tags, summary: 'Send a failed e-mail again: it goes out with the next reminder scan (409 unless failed; an uncertain one may have arrived)', params: ZIdParams, response: { 200: ZRetried } },
    handler: (req) => service.retryDelivery({ db: app.db, actor: req.actor!, id: req.params.id }),
  });
};
