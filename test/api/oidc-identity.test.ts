import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boundSubjectOf, findBoundUser, insertIdentity } from '../../src/modules/auth/identity-repo.js';
import type { DatabaseHandle } from '../../src/db/database.js';
import { createTestDatabase, testDatabaseKinds } from '../helpers/databases.js';

// The database, not only the login code, keeps one account per (issuer, subject) and one subject
// per account and issuer: two first logins racing each other cannot both bind. The browser flow
// is in e2e/oidc.e2e.test.ts.
describe.each(await testDatabaseKinds())('[AUTH] OIDC identity bindings on %s', (kind) => {
  let database: DatabaseHandle;
  const issuer = 'https://login.example.se';
  const users = new Map<string, string>();
  const userId = (email: string) => users.get(email)!;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const m = await database.db.insertInto('municipality').values({ name: 'Testkommun' }).returning('id').executeTakeFirstOrThrow();
    for (const [email, name] of [['eav@stockholm.example', 'Erik Lindqvist'], ['central@stockholm.example', 'Central samordnare']]) {
      const u = await database.db.insertInto('app_user').values({ municipality_id: m.id, email, name, unit_id: null, password_hash: null }).returning('id').executeTakeFirstOrThrow();
      users.set(email, u.id);
    }
  });
  afterAll(() => database.close());

  it('binds a subject to one account and refuses the same subject for another account', async () => {
    const erik = userId('eav@stockholm.example');
    const central = userId('central@stockholm.example');
    expect(await insertIdentity(database.db, { userId: erik, issuer, subject: 'sub-erik', now: new Date() })).toBe(true);
    expect(await insertIdentity(database.db, { userId: central, issuer, subject: 'sub-erik', now: new Date() })).toBe(false);
    expect((await findBoundUser(database.db, issuer, 'sub-erik'))?.id).toBe(erik);
    expect(await findBoundUser(database.db, 'https://other.example.se', 'sub-erik')).toBeUndefined();
  });

  it('refuses a second subject for an account under the same issuer, and allows one under another issuer', async () => {
    const erik = userId('eav@stockholm.example');
    expect(await insertIdentity(database.db, { userId: erik, issuer, subject: 'sub-other', now: new Date() })).toBe(false);
    expect(await boundSubjectOf(database.db, erik, issuer)).toBe('sub-erik');
    expect(await insertIdentity(database.db, { userId: erik, issuer: 'https://new-idp.example.se', subject: 'sub-other', now: new Date() })).toBe(true);
    expect(await findBoundUser(database.db, issuer, 'sub-other')).toBeUndefined();
  });
});
