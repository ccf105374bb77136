import type { Database } from '../../db/database.js';
import { conflict, notFound, unprocessable } from '../../http/errors.js';
import { recordAudit, type AuditActor } from '../audit/service.js';
import { addDefaultCriteria } from '../grants/criteria.service.js';
import { createUser } from '../users/service.js';
import { ZCreateUserRequest } from '../users/schema.js';

/**
 * Bootstrapping a real installation (API.md, "Safe deployment"): the municipality and its first
 * admin come from the command line (src/cli/bootstrap.ts), never from the demo seed. After that,
 * the admin creates boards and accounts in the web app.
 */

const MAX_NAME = 200;

/** A municipality by name, exact or ignoring case (the name an operator types). */
export async function findMunicipalityByName(db: Database, name: string) {
  const rows = await db
    .selectFrom('municipality')
    .select(['id', 'name'])
    .where((eb) => eb(eb.fn('lower', ['name']), '=', name.trim().toLowerCase()))
    .execute();
  return rows.find((r) => r.name === name.trim()) ?? rows[0];
}

export async function createMunicipality(opts: { db: Database; system: string; name: string }): Promise<{ id: string; name: string }> {
  const name = opts.name.trim().replace(/\s+/g, ' ');
  if (!name) throw unprocessable('invalid_name', 'Ange kommunens namn.', [{ field: 'name', message: 'Ange kommunens namn.' }]);
  if (name.length > MAX_NAME) {
    throw unprocessable('invalid_name', `Namnet får vara högst ${MAX_NAME} tecken.`, [{ field: 'name', message: `Högst ${MAX_NAME} tecken.` }]);
  }
  return opts.db.transaction().execute(async (trx) => {
    const existing = await findMunicipalityByName(trx, name);
    if (existing) throw conflict(`Kommunen "${existing.name}" finns redan (id ${existing.id}).`, 'duplicate');
    const row = await trx.insertInto('municipality').values({ name }).returning(['id', 'name']).executeTakeFirstOrThrow();
    // A new municipality vets grants against Stockholm's democracy criteria until it sets its own.
    await addDefaultCriteria(trx, row.id);
    const actor: AuditActor = { system: opts.system, municipalityId: row.id };
    await recordAudit(trx, actor, { action: 'municipality.create', entity: 'municipality', entityId: row.id, summary: { name } });
    return row;
  });
}

/**
 * Creates an active admin for the whole municipality, with the same rules as `POST /api/users`
 * (valid e-mail, a name, a password of 15 characters or more, e-mail not already in use). Audited
 * as the system actor (e.g. `system:cli`).
 */
export async function createFirstAdmin(opts: {
  db: Database;
  system: string;
  municipality: string;
  email: string;
  name: string;
  password: string;
}): Promise<{ id: string; email: string; municipality: { id: string; name: string } }> {
  const municipality = await findMunicipalityByName(opts.db, opts.municipality);
  if (!municipality) throw notFound(`Kommunen "${opts.municipality.trim()}"`);
  const parsed = ZCreateUserRequest.safeParse({
    email: opts.email.trim(),
    name: opts.name,
    password: opts.password,
    roles: [{ role: 'admin', boardId: null }],
  });
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => ({ field: i.path.join('.') || 'input', message: i.message }));
    throw unprocessable('invalid_request', 'Uppgifterna är inte giltiga.', fields);
  }
  const user = await createUser({ db: opts.db, actor: { system: opts.system, municipalityId: municipality.id }, input: parsed.data });
  return { id: user.id, email: user.email, municipality };
}
