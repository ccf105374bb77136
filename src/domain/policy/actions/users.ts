import { anyOf, wholeMunicipality, type Rule } from '../rules.js';

/** Accounts are the municipality's: only an admin for the whole municipality manages them. */
const ADMIN = wholeMunicipality(anyOf('admin'));

export const userRules = {
  'users.list': ADMIN,
  'users.create': ADMIN,
  'users.update': ADMIN,
  'users.reset_password': ADMIN,
} satisfies Record<string, Rule>;
