import { loadConfig } from './config.js';
import { openDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { seedDemo, DEMO_PASSWORD } from './demo/seed.js';
import { getInstance } from './modules/system/service.js';
import { buildServer } from './server.js';

const started = Date.now();
const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, auditAnchor: config.auditAnchor });
await migrateToLatest(database.db);
// Demo data only on purpose: VARNA_DEMO, on by default only for `npm start` on the embedded database.
const seeded = config.demo ? await seedDemo(database.db) : null;
const app = await buildServer({ config, database });
await app.listen({ port: config.port, host: config.host });

const where = database.kind === 'pglite' ? `embedded PostgreSQL in ${config.dataDir}` : 'PostgreSQL server (DATABASE_URL)';
const shownHost = config.host === '127.0.0.1' || config.host === '::1' ? 'localhost' : config.host;
console.log(`\nVärna is running at http://${shownHost}:${config.port} on ${where} (ready in ${Date.now() - started} ms)`);
if (config.host === '127.0.0.1') console.log('Listening on this machine only; set HOST (e.g. HOST=0.0.0.0) to accept connections from others.');
if (seeded) {
  console.log(`Demo accounts (password: ${DEMO_PASSWORD}) — demo only, never for real use:`);
  for (const a of seeded.accounts) console.log(`  ${a.email.padEnd(32)} ${a.description}`);
} else if ((await getInstance({ db: database.db })).demo) {
  console.warn('WARNING: demo accounts exist in this database (every page says "Demoläge"). Deactivate them before real use.');
}
const municipalities = await database.db.selectFrom('municipality').select('id').limit(1).execute();
if (municipalities.length === 0) {
  console.log('The database is empty. Create the municipality and its first admin (docs/operations.md, "Installing for real"):');
  console.log('  npm run varna -- municipality create --name "Kommunens namn"');
  console.log('  npm run varna -- admin create --municipality "Kommunens namn" --email you@example.org --name "Ditt Namn"   (password on standard input)');
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, async () => {
    await app.close();
    await database.close();
    process.exit(0);
  });
}
