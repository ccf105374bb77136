import { anyOf, wholeMunicipality, type Rule } from '../rules.js';

export const orgRules = {
  // Board and unit names are not sensitive: every user of the municipality may list them.
  'boards.list': 'authenticated',
  // A new board is the municipality's; an admin granted for one board manages that board's units.
  'boards.create': wholeMunicipality(anyOf('admin')),
  'boards.update': anyOf('admin'),
  'units.list': 'authenticated',
  'units.create': anyOf('admin'),
  'units.update': anyOf('admin'),
} satisfies Record<string, Rule>;
