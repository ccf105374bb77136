import type { Role } from '../domain/policy/index.js';

/** The demo accounts' shared password, in the README and printed at start-up: never for real use. */
export const DEMO_PASSWORD = 'varna-demo-losenord';

export interface DemoAccount {
  email: string;
  name: string;
  role: Role;
  board?: string;
  description: string;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { email: 'admin@stockholm.example', name: 'Alva Admin', role: 'admin', description: 'admin' },
  { email: 'central@stockholm.example', name: 'Cecilia Central', role: 'central_coordinator', description: 'central samordnare, Stockholms stad' },
  { email: 'eav@stockholm.example', name: 'Erik Lindqvist', role: 'local_coordinator', board: 'Enskede-Årsta-Vantör', description: 'lokal samordnare, Enskede-Årsta-Vantör' },
  { email: 'skarholmen@stockholm.example', name: 'Samira Haddad', role: 'local_coordinator', board: 'Skärholmen', description: 'lokal samordnare, Skärholmen' },
  { email: 'enhetschef@stockholm.example', name: 'Elin Enhetschef', role: 'contributor', board: 'Enskede-Årsta-Vantör', description: 'enhetschef (bidragsgivare), Enskede-Årsta-Vantör' },
  { email: 'politiker@stockholm.example', name: 'Per Politiker', role: 'viewer', board: 'Kommunstyrelsen', description: 'förtroendevald (läsare), Kommunstyrelsen' },
  { email: 'revisor@stockholm.example', name: 'Rut Revisor', role: 'auditor', description: 'revisor, revisionskontoret' },
];

/** The demo accounts' e-mail addresses: while any of them is an active account, Värna is in demo mode. */
export const DEMO_EMAILS = DEMO_ACCOUNTS.map((a) => a.email);
