import { anyOf, type Rule } from '../rules.js';

export const userRules = {
  'users.list': anyOf('admin'),
  'users.create': anyOf('admin'),
  'users.update': anyOf('admin'),
  'users.reset_password': anyOf('admin'),
} satisfies Record<string, Rule>;
