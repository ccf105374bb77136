import { loadConfig } from './config.js';
import { openDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { seedDemo, DEMO_PASSWORD } from './demo/seed.js';
import { buildServer } from './server.js';

const started = Date.now();
const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, auditAnchor: config.auditAnchor });
await migrateToLatest(database.db);
const seeded = config.demo ? await seedDemo(database.db) : null;
const app = await buildServer({ config, database });
await app.listen({ port: config.port, host: config.host });

const where = database.kind === 'pglite' ? `embedded PostgreSQL in ${config.dataDir}` : 'PostgreSQL server (DATABASE_URL)';
console.log(`\nVärna is running at http://localhost:${config.port} on ${where} (ready in ${Date.now() - started} ms)`);
if (seeded) {
  console.log(`Demo accounts (password: ${DEMO_PASSWORD}):`);
  for (const a of seeded.accounts) console.log(`  ${a.email.padEnd(32)} ${a.description}`);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, async () => {
    await app.close();
    await database.close();
    process.exit(0);
  });
}
