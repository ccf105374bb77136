import { loadConfig } from './config.js';
import { openDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { verifyAudit } from './modules/audit/service.js';

const USAGE = `Usage: npm run varna -- <command>

Commands:
  audit verify     recompute the audit log's hash chain; exit 1 and name the first broken entry
  migrate          apply pending database migrations and exit

Uses DATABASE_URL or VARNA_DATA_DIR like the server.`;

const args = process.argv.slice(2);
const config = loadConfig();

async function main(): Promise<number> {
  const command = args.join(' ');
  if (command !== 'audit verify' && command !== 'migrate') {
    console.log(USAGE);
    return command === '' || command === 'help' ? 0 : 2;
  }
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateToLatest(database.db);
    if (command === 'migrate') {
      console.log('Database is up to date.');
      return 0;
    }
    const verdict = await verifyAudit({ db: database.db });
    if (verdict.ok) {
      console.log(`Audit log intact: ${verdict.checked} entries verified.`);
      return 0;
    }
    console.log(`Audit log BROKEN at entry ${verdict.brokenAt} (${verdict.reason}); ${verdict.checked} entries before it are intact.`);
    return 1;
  } finally {
    await database.close();
  }
}

process.exitCode = await main();
