import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../helpers/app.js';
import { testDatabaseKinds } from '../helpers/databases.js';
import { uploader, type Uploader } from '../helpers/upload.js';

/**
 * Figures an audit reply quotes come from Värna: "N of about M staff have started or completed the
 * course". Participant lists keep rows marked started (påbörjad, pågående) as started; coverage
 * shows started and completed apart, and completed stays the coverage figure.
 */
describe.each(await testDatabaseKinds())('[TRAINING] started and completed apart on %s', (kind) => {
  let t: TestApp;
  let central: Client;
  let files: Uploader;
  let course: string;
  let boardId: string;
  const board = 'Provnämnd påbörjad';
  const csv = (...lines: string[]) => new TextEncoder().encode(lines.join('\n'));
  const row = async () => {
    const res = await central.get(`/api/training/coverage?courseId=${course}&asOf=2099-12-31`);
    expect(res.statusCode).toBe(200);
    return res.json().find((r: { boardId: string }) => r.boardId === boardId);
  };

  // Seeding the demo and the Argon2 logins take a while on a busy machine.
  beforeAll(async () => {
    t = await startTestApp(kind);
    central = await t.login('central@stockholm.example');
    files = await uploader(t, 'central@stockholm.example');
    course = (await central.get('/api/training/courses')).json().find((c: { kind: string }) => c.kind === 'web_basic').id;
    const admin = await t.login('admin@stockholm.example');
    boardId = (await admin.post('/api/boards', { name: board, kind: 'district_board' })).json().id;
    const hc = await files.upload('/api/training/headcounts', csv('Förvaltning;Enhet;Anställda;Per datum', `${board};Enhet A;100;2020-01-01`), 'hc.csv');
    expect(hc.statusCode, hc.body).toBe(201);
  }, 300_000);
  afterAll(() => t.close());

  it('keeps påbörjad and pågående rows as started; ej påbörjad is still skipped; the preview says how many started', async () => {
    const file = csv(
      'Anst.nr;Förvaltning;Status;Slutförd',
      `S1;${board};Slutförd;2020-02-01`,
      `S2;${board};Påbörjad;`,
      `S3;${board};Pågående;2020-03-01`,
      `S4;${board};Ej påbörjad;`,
    );
    const dry = await files.upload(`/api/training/courses/${course}/participants?dryRun=1`, file, 'deltagare.csv');
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({ toAdd: 3, started: 2, skipped: [{ line: 5, message: 'Inte slutförd (status ”Ej påbörjad”).' }] });
    const res = await files.upload(`/api/training/courses/${course}/participants`, file, 'deltagare.csv');
    expect(res.statusCode, res.body).toBe(201);
    expect(await row()).toEqual({ boardId, employees: 100, completed: 1, percent: 1, started: 2 });
  });

  it('a later list where a started person has completed moves them from started to completed', async () => {
    const res = await files.upload(`/api/training/courses/${course}/participants`, csv('Anst.nr;Förvaltning;Status;Slutförd', `S3;${board};Slutförd;2020-05-01`), 'deltagare2.csv');
    expect(res.statusCode, res.body).toBe(201);
    expect(await row()).toEqual({ boardId, employees: 100, completed: 2, percent: 2, started: 1 });
    // A started row never takes back a completion.
    await files.upload(`/api/training/courses/${course}/participants`, csv('Anst.nr;Förvaltning;Status;Slutförd', `S1;${board};Pågående;2020-06-01`), 'deltagare3.csv');
    expect(await row()).toMatchObject({ completed: 2, started: 1 });
    const stored = await t.database.db.selectFrom('training_completion').select(['employee_key', 'status']).where('board_id', '=', boardId).orderBy('employee_key').execute();
    expect(stored).toEqual([
      { employee_key: 'S1', status: 'completed' },
      { employee_key: 'S2', status: 'started' },
      { employee_key: 'S3', status: 'completed' },
    ]);
    // The overview page's data carries the same split, per board and in total.
    const overview = (await central.get(`/api/training/overview?courseId=${course}&asOf=2099-12-31`)).json();
    expect(overview.boards.find((b: { boardId: string }) => b.boardId === boardId)).toMatchObject({ completed: 2, started: 1 });
    expect(overview.total.started).toBeGreaterThanOrEqual(1);
  });
});
