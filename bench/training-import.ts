/**
 * Bench: a 100,000-row participant list (CSV, as the learning platform exports it) imported
 * through the import use case on an in-memory PGlite database. Target: under 5 s.
 * `npm run bench` calls benchTrainingImport(); run alone with `npm run bench training`.
 */
import { openDatabase } from '../src/db/database.js';
import type { SystemActor } from '../src/domain/policy/index.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { createBoard, createUnit } from '../src/modules/orgs/service.js';
import { createCourse, importParticipants } from '../src/modules/training/service.js';

export const ROWS = 100_000;

export async function benchTrainingImport(rows = ROWS): Promise<number> {
  const handle = await openDatabase({ dataDir: 'memory' });
  try {
    await migrateToLatest(handle.db);
    const db = handle.db;
    const municipality = await db.insertInto('municipality').values({ name: 'Benchkommun' }).returning('id').executeTakeFirstOrThrow();
    const actor: SystemActor = { system: 'bench', name: 'Bench', municipalityId: municipality.id, roles: [{ role: 'admin', boardId: null }, { role: 'central_coordinator', boardId: null }] };
    const boards: { name: string; units: string[] }[] = [];
    for (let b = 1; b <= 14; b++) {
      const board = await createBoard({ db, actor, input: { name: `Stadsdelsnämnd ${b}`, kind: 'district_board' } });
      const units: string[] = [];
      for (let u = 1; u <= 10; u++) {
        const name = `Enhet ${b}.${u}`;
        await createUnit({ db, actor, boardId: board.id, input: { name, kind: 'unit' } });
        units.push(name);
      }
      boards.push({ name: board.name, units });
    }
    const course = await createCourse({ db, actor, input: { name: 'Webbaserad grundutbildning om våldsbejakande extremism', kind: 'web_basic' } });

    const lines = ['Anställningsnummer;Namn;Förvaltning;Enhet;Slutförd'];
    for (let i = 0; i < rows; i++) {
      const b = boards[i % boards.length];
      const unit = b.units[Math.floor(i / boards.length) % b.units.length];
      // Every 20th row repeats an earlier person (merged), every 50th is identified by e-mail (hashed).
      const n = i % 20 === 19 ? i - 5 * boards.length : i;
      const key = n % 50 === 0 ? `person.${n}@bench.example` : `E${String(n).padStart(6, '0')}`;
      const day = 1 + (i % 28);
      lines.push(`${key};Person ${n};${b.name};${unit};2019-${String(1 + (i % 12)).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
    }
    const bytes = new TextEncoder().encode(lines.join('\r\n') + '\r\n');

    const started = performance.now();
    const result = await importParticipants({ db, actor, courseId: course.id, dryRun: false, file: { bytes, filename: 'deltagare.csv' } });
    const elapsed = performance.now() - started;
    if (!result.imported || result.rowCount !== rows) throw new Error(`bench import failed: ${JSON.stringify({ ...result, errors: result.errors.slice(0, 3) })}`);
    return Math.round(elapsed);
  } finally {
    await handle.close();
  }
}
