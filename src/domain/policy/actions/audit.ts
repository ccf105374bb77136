import { anyOf, type Rule } from '../rules.js';

export const auditRules = {
  // Everyone may read the log; the audit service narrows which entries they get.
  'audit.list': 'authenticated',
  'audit.verify': anyOf('admin', 'auditor'),
} satisfies Record<string, Rule>;
