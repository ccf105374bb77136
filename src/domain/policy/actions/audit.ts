import { anyOf, wholeMunicipality, type Rule } from '../rules.js';

export const auditRules = {
  // Everyone may read the log; the audit service narrows which entries they get.
  'audit.list': 'authenticated',
  // The chain is the whole municipality's: a grant for one board does not verify it.
  'audit.verify': wholeMunicipality(anyOf('admin', 'auditor')),
} satisfies Record<string, Rule>;
