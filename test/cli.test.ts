import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { openDatabase, type DatabaseKind } from '../src/db/database.js';
import { buildServer } from '../src/server.js';
import { emptyDatabase, varna } from './helpers/cli.js';
import { testDatabaseKinds } from './helpers/databases.js';

const PASSWORD = 'ett-langt-losenord-for-prov';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

// Each step starts the CLI as its own process (tsx, migrations): allow for a busy machine.
const SLOW = 600_000;

describe.each(await testDatabaseKinds())('[CLI] bootstrapping a real installation on %s', (kind) => {
  let db: Awaited<ReturnType<typeof emptyDatabase>>;
  beforeAll(async () => {
    db = await emptyDatabase(kind);
  });
  afterAll(() => db?.drop());

  /** Reads the database between CLI runs (PGlite allows one process at a time). */
  async function inDatabase<T>(read: (h: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
    const h = await db.open();
    try {
      return await read(h);
    } finally {
      await h.close();
    }
  }

  it(
    'municipality create prints the new id, audits it as the CLI, and refuses the same name again',
    async () => {
      const made = await varna(db.env, ['municipality', 'create', '--name', 'Provkommun']);
      expect(made.code, made.stderr).toBe(0);
      const id = made.stdout.trim();
      expect(id).toMatch(UUID);
      expect(made.stderr).toContain('admin create');

      const again = await varna(db.env, ['municipality', 'create', '--name', 'provkommun']);
      expect(again.code).toBe(1);
      expect(again.stderr).toContain('Kommunen "Provkommun" finns redan');

      await inDatabase(async (h) => {
        expect(await h.db.selectFrom('municipality').select(['id', 'name']).execute()).toEqual([{ id, name: 'Provkommun' }]);
        const entry = await h.db.selectFrom('audit_log').select(['actor_email', 'action', 'entity_id']).where('action', '=', 'municipality.create').executeTakeFirstOrThrow();
        expect(entry).toEqual({ actor_email: 'system:cli', action: 'municipality.create', entity_id: id });
      });
    },
    SLOW,
  );

  it(
    'admin create takes the password from standard input and makes an active admin who can log in',
    async () => {
      const made = await varna(db.env, ['admin', 'create', '--municipality', 'Provkommun', '--email', 'forsta@prov.example', '--name', 'Första Admin'], `${PASSWORD}\n`);
      expect(made.code, made.stderr).toBe(0);
      expect(made.stdout.trim()).toMatch(UUID);
      expect(made.stdout + made.stderr).not.toContain(PASSWORD);

      await inDatabase(async (h) => {
        const app = await buildServer({ config: loadConfig({}), database: h, logger: false });
        try {
          const res = await app.inject({ method: 'POST', url: '/api/session', payload: { email: 'forsta@prov.example', password: PASSWORD } });
          expect(res.statusCode, res.body).toBe(200);
          expect(res.json().user.roles).toEqual([{ role: 'admin', boardId: null, boardName: null }]);
          expect(res.json().municipality.name).toBe('Provkommun');
        } finally {
          await app.close();
        }
        const entry = await h.db.selectFrom('audit_log').select(['actor_email', 'summary']).where('action', '=', 'users.create').executeTakeFirstOrThrow();
        expect(entry.actor_email).toBe('system:cli');
        expect(JSON.stringify(entry.summary)).not.toContain(PASSWORD);
      });
    },
    SLOW,
  );

  it(
    'refuses a short password, an unknown municipality, an e-mail already in use and missing options, creating nothing',
    async () => {
      const args = (email: string, municipality = 'Provkommun') => ['admin', 'create', '--municipality', municipality, '--email', email, '--name', 'Andra Admin'];
      const short = await varna(db.env, args('andra@prov.example'), 'kort-losenord\n');
      expect(short.code).toBe(1);
      expect(short.stderr).toContain('Lösenordet måste ha minst 15 tecken.');

      const unknown = await varna(db.env, args('andra@prov.example', 'Okänd kommun'), `${PASSWORD}\n`);
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toContain('Kommunen "Okänd kommun" finns inte.');

      const taken = await varna(db.env, args('FORSTA@prov.example'), `${PASSWORD}\n`);
      expect(taken.code).toBe(1);
      expect(taken.stderr).toContain('Det finns redan ett konto med den e-postadressen.');

      const missing = await varna(db.env, ['admin', 'create', '--municipality', 'Provkommun']);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain('admin create needs --municipality, --email and --name.');

      await inDatabase(async (h) => {
        expect((await h.db.selectFrom('app_user').select('email').execute()).map((u) => u.email)).toEqual(['forsta@prov.example']);
      });
    },
    SLOW,
  );
});
