import { type Rule } from '../rules.js';

export const systemRules = {
  'health.read': 'public',
  'docs.read': 'public',
  'session.create': 'public',
  'session.oidc': 'public',
  'session.read': 'authenticated',
  'session.delete': 'authenticated',
  'me.update': 'authenticated',
} satisfies Record<string, Rule>;
