import { parseArgs } from 'node:util';
import type { Config } from '../config.js';
import { openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { AppError } from '../http/errors.js';
import { createFirstAdmin, createMunicipality } from '../modules/orgs/municipalities.service.js';
import { readPassword } from './password-input.js';

/** Audit entries written by these commands name this actor (`system:cli`). */
const SYSTEM_ACTOR = 'cli';

export const BOOTSTRAP_USAGE = `  municipality create --name NAME
                   create a municipality and print its id
  admin create --municipality NAME --email E --name N
                   create an active admin for the whole municipality and print the account's id;
                   the password (15 characters or more) is read from standard input`;

export function isBootstrapCommand(args: string[]): boolean {
  return (args[0] === 'municipality' || args[0] === 'admin') && args[1] === 'create';
}

type Options = { name?: string; municipality?: string; email?: string };

function usageError(message: string): number {
  console.error(`${message}\n\nUsage: npm run varna -- <command>\n${BOOTSTRAP_USAGE}`);
  return 2;
}

/** Prints a refusal the way the API words it (Swedish), field by field. */
function refusal(err: AppError): number {
  console.error(`Refused: ${err.message}`);
  for (const f of err.fields ?? []) console.error(`  ${f.field}: ${f.message}`);
  return 1;
}

/**
 * `municipality create` and `admin create`. Exit 0 on success (the new id on standard output, a
 * sentence on standard error), 1 when refused (duplicate, unknown municipality, short password…),
 * 2 for a usage error. Uses DATABASE_URL or VARNA_DATA_DIR like the server, migrating first.
 */
export async function runBootstrapCommand(args: string[], config: Config): Promise<number> {
  let values: Options;
  try {
    values = parseArgs({
      args: args.slice(2),
      options: { name: { type: 'string' }, municipality: { type: 'string' }, email: { type: 'string' } },
      strict: true,
    }).values;
  } catch (err) {
    return usageError((err as Error).message);
  }
  const kind = args[0] as 'municipality' | 'admin';
  if (kind === 'municipality' && !values.name) return usageError('municipality create needs --name.');
  if (kind === 'admin' && (!values.municipality || !values.email || !values.name)) {
    return usageError('admin create needs --municipality, --email and --name.');
  }
  const password = kind === 'admin' ? await readPassword() : '';

  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, auditAnchor: config.auditAnchor, fromTemplate: true });
  try {
    await migrateToLatest(database.db);
    if (kind === 'municipality') {
      const m = await createMunicipality({ db: database.db, system: SYSTEM_ACTOR, name: values.name! });
      console.error(`Created municipality "${m.name}". Next: npm run varna -- admin create --municipality "${m.name}" --email … --name …`);
      console.log(m.id);
      return 0;
    }
    const admin = await createFirstAdmin({
      db: database.db,
      system: SYSTEM_ACTOR,
      municipality: values.municipality!,
      email: values.email!,
      name: values.name!,
      password,
    });
    console.error(`Created admin ${admin.email} for ${admin.municipality.name}. They can log in now.`);
    console.log(admin.id);
    return 0;
  } catch (err) {
    if (err instanceof AppError) return refusal(err);
    const code = (err as { code?: unknown }).code;
    if (code === '23505') return refusal(new AppError(409, 'duplicate', 'Det finns redan en post med de uppgifterna.'));
    throw err;
  } finally {
    await database.close();
  }
}
