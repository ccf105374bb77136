import { loadConfigOrExit } from './config.js';
import { openDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { BOOTSTRAP_USAGE, isBootstrapCommand, runBootstrapCommand } from './cli/bootstrap.js';
import { auditVerifyCommand } from './modules/audit/verify-command.js';
import { mailSettings } from './modules/notifications/mail.js';
import { remindersRunCommand } from './modules/notifications/run-command.js';
import { BackupError, backupEmbedded, backupServer, restoreEmbedded, restoreServer } from './cli/backup.js';

const USAGE = `Usage: npm run varna -- <command>

Commands:
  audit verify     check the audit log: hash chain, sequence without gaps, head in VARNA_AUDIT_ANCHOR;
                   exit 1 and name the first broken or missing entry
  migrate          apply pending database migrations and exit
  backup FILE      write a backup of the database (attachments included) to FILE: pg_dump's custom
                   format for DATABASE_URL (while Värna runs), PGlite's data directory for
                   VARNA_DATA_DIR (stop Värna first)
  restore FILE     restore a backup into an empty database or data directory, then migrate
  reminders run    create the reminders and digests due now and send the e-mails waiting
                   (VARNA_SMTP_URL); running it twice sends nothing twice. The server also runs
                   this every VARNA_JOBS_INTERVAL_SECONDS; on the embedded database stop it first
${BOOTSTRAP_USAGE}

Uses DATABASE_URL or VARNA_DATA_DIR like the server.`;

const args = process.argv.slice(2);
const config = loadConfigOrExit();

async function main(): Promise<number> {
  const command = args.join(' ');
  if (isBootstrapCommand(args)) return runBootstrapCommand(args, config);
  if ((args[0] === 'backup' || args[0] === 'restore') && args.length === 2) return backupCommand(args[0], args[1]);
  if (command !== 'audit verify' && command !== 'migrate' && command !== 'reminders run') {
    console.log(USAGE);
    return command === '' || command === 'help' ? 0 : 2;
  }
  // The reminders write audit entries, so they go through the anchor like the server's writes.
  const anchor = command === 'reminders run' ? config.auditAnchor : undefined;
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, auditAnchor: anchor, fromTemplate: true });
  try {
    await migrateToLatest(database.db);
    if (command === 'reminders run') return await remindersRunCommand({ db: database.db, mail: mailSettings(config) });
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

async function backupCommand(command: 'backup' | 'restore', file: string): Promise<number> {
  const where = config.databaseUrl ? 'the PostgreSQL server in DATABASE_URL' : `the embedded database in ${config.dataDir}`;
  try {
    if (command === 'backup') {
      if (config.databaseUrl) await backupServer(config.databaseUrl, file);
      else await backupEmbedded(config.dataDir, file);
      console.log(`Backup of ${where} written to ${file}.`);
      return 0;
    }
    if (config.databaseUrl) await restoreServer(config.databaseUrl, file);
    else await restoreEmbedded(config.dataDir, file);
    // An older backup opens in this version of Värna.
    const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    try {
      await migrateToLatest(database.db);
    } finally {
      await database.close();
    }
    console.log(`Restored ${file} into ${where}. Check it with: npm run varna -- audit verify`);
    return 0;
  } catch (e) {
    if (e instanceof BackupError) {
      console.error(e.message);
      return 1;
    }
    throw e;
  }
}

process.exitCode = await main();
