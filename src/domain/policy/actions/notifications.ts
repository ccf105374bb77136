import { anyOf, wholeMunicipality, type Rule } from '../rules.js';

/**
 * Notifications and reminders (issue #17). Every logged-in user reads and marks their own
 * notifications and chooses their own e-mail (the service only ever touches the actor's rows).
 * What was sent and what failed is the central coordinator's, for the whole municipality, and so
 * is sending a failed e-mail again.
 */
export const notificationRules = {
  'notifications.own': 'authenticated',
  'notifications.deliveries': wholeMunicipality(anyOf('central_coordinator'), 'Utskicken följs av den centrala samordnaren för hela kommunen.'),
  'notifications.retry': wholeMunicipality(anyOf('central_coordinator'), 'Misslyckade utskick skickas om av den centrala samordnaren.'),
} satisfies Record<string, Rule>;
