import type { Database } from '../../db/database.js';
import { DEMO_EMAILS } from '../../demo/accounts.js';

/**
 * Facts about this installation that every page may show, logged in or not. `demo` is true while
 * any demo account (README, printed at start-up, shared password) is an active account: the web
 * app then says *Demoläge* on every page, so nobody mistakes the demo for a real installation.
 * `municipality` is the installation's municipality, whose public pages need no login.
 */
export async function getInstance(opts: { db: Database }): Promise<{ demo: boolean; municipality: { id: string; name: string } | null }> {
  // One municipality per installation: its public pages (GET /api/public/municipalities/:id/boards) start here.
  const municipality = (await opts.db.selectFrom('municipality').select(['id', 'name']).orderBy('created_at').limit(1).executeTakeFirst()) ?? null;
  const row = await opts.db
    .selectFrom('app_user')
    .select('id')
    .where('active', '=', true)
    .where((eb) => eb(eb.fn('lower', ['email']), 'in', DEMO_EMAILS))
    .limit(1)
    .executeTakeFirst();
  return { demo: !!row, municipality };
}
