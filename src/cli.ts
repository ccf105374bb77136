import { loadConfig } from './config.js';
import { openDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { BOOTSTRAP_USAGE, isBootstrapCommand, runBootstrapCommand } from './cli/bootstrap.js';
import { auditVerifyCommand } from './modules/audit/verify-command.js';

const USAGE = `Usage: npm run varna -- <command>

Commands:
  audit verify     check the audit log: hash chain, sequence without gaps, head in VARNA_AUDIT_ANCHOR;
                   exit 1 and name the first broken or missing entry
  migrate          apply pending database migrations and exit
${BOOTSTRAP_USAGE}

Uses DATABASE_URL or VARNA_DATA_DIR like the server.`;

const args = process.argv.slice(2);
const config = loadConfig();

async function main(): Promise<number> {
  const command = args.join(' ');
  if (isBootstrapCommand(args)) return runBootstrapCommand(args, config);
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
    // Opened without the anchor writer: verifying must not record the head it is checking.
    return await auditVerifyCommand({ db: database.db, anchor: config.auditAnchor });
  } finally {
    await database.close();
  }
}

process.exitCode = await main();
