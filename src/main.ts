import { isWorker, runWorkers } from './cluster.js';
import { loadConfigOrExit } from './config.js';
import { openDatabase, type DatabaseHandle } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { seedDemo, DEMO_PASSWORD } from './demo/seed.js';
import { getInstance } from './modules/system/service.js';
import { buildServer } from './server.js';
import { startJobs } from './modules/notifications/jobs.js';
import { mailSettings } from './modules/notifications/mail.js';

const started = Date.now();
const config = loadConfigOrExit();

/** Opens the database and serves the API and web app on the port until SIGTERM/SIGINT. */
async function serve(open?: DatabaseHandle) {
  const database = open ?? (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, auditAnchor: config.auditAnchor, fromTemplate: true }));
  const app = await buildServer({ config, database });
  await app.listen({ port: config.port, host: config.host });
  const jobs = config.jobsIntervalSeconds > 0 ? await startJobs({ db: database.db, kind: database.kind, mail: mailSettings(config), intervalSeconds: config.jobsIntervalSeconds, log: app.log }) : null;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, async () => {
      await app.close();
      // Running jobs finish (or go back to the queue) before the database closes.
      await jobs?.stop();
      await database.close();
      process.exit(0);
    });
  }
}

if (isWorker()) {
  await serve();
} else {
  if (config.workers > 1 && !config.databaseUrl) {
    console.error('VARNA_WORKERS above 1 needs a PostgreSQL server (DATABASE_URL): the embedded database belongs to one process.');
    process.exit(2);
  }
  // Migrations and the demo seed run once, here, before any process serves a request.
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, auditAnchor: config.auditAnchor, fromTemplate: true });
  await migrateToLatest(database.db);
  // Demo data only on purpose: VARNA_DEMO, on by default only for `npm start` on the embedded database.
  const seeded = config.demo ? await seedDemo(database.db) : null;
  const demoLeft = !seeded && (await getInstance({ db: database.db })).demo;
  const empty = (await database.db.selectFrom('municipality').select('id').limit(1).execute()).length === 0;
  if (config.workers > 1) await database.close();

  const ready = () => {
    const where = database.kind === 'pglite' ? `embedded PostgreSQL in ${config.dataDir}` : 'PostgreSQL server (DATABASE_URL)';
    const shownHost = config.host === '127.0.0.1' || config.host === '::1' ? 'localhost' : config.host;
    const processes = config.workers > 1 ? ` with ${config.workers} processes (primary pid ${process.pid})` : '';
    console.log(`\nVärna is running at http://${shownHost}:${config.port} on ${where}${processes} (ready in ${Date.now() - started} ms)`);
    if (config.host === '127.0.0.1') console.log('Listening on this machine only; set HOST (e.g. HOST=0.0.0.0) to accept connections from others.');
    if (seeded) {
      console.log(`Demo accounts (password: ${DEMO_PASSWORD}) — demo only, never for real use:`);
      for (const a of seeded.accounts) console.log(`  ${a.email.padEnd(32)} ${a.description}`);
    } else if (demoLeft) {
      console.warn('WARNING: demo accounts exist in this database (every page says "Demoläge"). Deactivate them before real use.');
    }
    if (empty) {
      console.log('The database is empty. Create the municipality and its first admin (docs/operations.md, "Installing for real"):');
      console.log('  npm run varna -- municipality create --name "Kommunens namn"');
      console.log('  npm run varna -- admin create --municipality "Kommunens namn" --email you@example.org --name "Ditt Namn"   (password on standard input)');
    }
  };

  if (config.workers > 1) {
    await runWorkers(config.workers, ready);
  } else {
    // One process: this one serves, on the database it has open.
    await serve(database);
    ready();
  }
}
