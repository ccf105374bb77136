import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../helpers/app.js';
import { libreOffice, pdfText } from '../helpers/readers.js';

/** The city report as the board meeting gets it (#12): the coordinator's summary first, words not codes. */
describe('[REPORTS] the city report needs no editing', () => {
  let t: TestApp;
  let central: Client;
  let eav: Client;
  let viewer: Client;

  beforeAll(async () => {
    t = await startTestApp('pglite');
    [central, eav, viewer] = await Promise.all(['central', 'eav', 'politiker'].map((u) => t.login(`${u}@stockholm.example`)));
  });
  afterAll(() => t.close());

  it('the central coordinator writes the year’s summary: saved, audited without its text, refused to others', async () => {
    const text = 'Arbetet har gått framåt i alla nämnder. Fyra insatser är försenade.';
    const res = await central.request('PUT', '/api/reports/city/summary?year=2026', { text });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ text, updatedByName: expect.any(String) });
    const entry = await t.database.db.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ action: 'reports.summary.save', entity: 'report_summary' });
    expect(JSON.stringify(entry.summary)).not.toContain('försenade');
    expect((await central.get('/api/reports/city?year=2026')).json().summary).toMatchObject({ text });
    for (const other of [eav, viewer]) expect((await other.request('PUT', '/api/reports/city/summary?year=2026', { text: 'Annat' })).statusCode).toBe(403);
    const bad = await central.request('PUT', '/api/reports/city/summary?year=2026', { text: 42 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual([{ field: 'text', message: 'Skriv sammanfattningen som text.' }]);
  });

  it('the Word report, read by LibreOffice, starts with the summary, speaks words not codes, and never breaks a header mid-word', async () => {
    const docx = await central.get('/api/reports/city?year=2026&format=docx');
    expect(docx.statusCode).toBe(200);
    const text = await pdfText(await libreOffice(docx.rawPayload, 'docx', 'pdf'));
    expect(text.indexOf('Arbetet har gått framåt i alla nämnder.')).toBeGreaterThan(-1);
    expect(text.indexOf('Arbetet har gått framåt')).toBeLessThan(text.indexOf('Nyckeltal'));
    expect(text.match(/\b(19|20)[0-9]{2}-(T1|T2|VB)\b|DEMO-[A-Z]+/g)).toBeNull();
    expect(text).toContain('Tertial 2 2026');
    expect(text).toContain('Anmälda hatbrott per 100 000 invånare');
    for (const header of ['Genomförd', 'Pågår', 'påbörjad', 'rapporterad', 'Försenad']) expect(text).toContain(header);
    expect(text).not.toMatch(/Genomfö\s*\n/);
    expect(text).not.toContain('(ej ifyllt)');
    expect(text).toContain('Sena planer');
    expect(text).toContain('per tertial och miljö');
  });
});
