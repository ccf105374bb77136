import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Document, Packer, Paragraph } from 'docx';
import ExcelJS from 'exceljs';
import { JPEG_BYTES, PNG_BYTES, docxShapedZip, odtBytes, tinyPdf } from '../../src/domain/attachments/test-files.js';
import { startTestApp, type Client, type TestApp } from '../helpers/app.js';
import { testDatabaseKinds } from '../helpers/databases.js';
import { expectStatus, rowCount } from '../helpers/factories.js';
import { uploader, type Uploader } from '../helpers/upload.js';

describe.each(await testDatabaseKinds())('[ATTACHMENTS] the one file store on %s', (kind) => {
  let t: TestApp;
  let revisor: Uploader;
  let central: Uploader;
  let auditorJson: Client;
  let eavBoard: string;

  const count = (table: 'attachment' | 'attachment_content' | 'audit_log') => rowCount(t, table);

  // Seeding the demo and the Argon2 logins take a while on a busy machine.
  beforeAll(async () => {
    // A small limit, so the size test needs no large file: 64 KiB.
    t = await startTestApp(kind, { attachmentMaxBytes: 64 * 1024 });
    [revisor, central] = await Promise.all([uploader(t, 'revisor@stockholm.example'), uploader(t, 'central@stockholm.example')]);
    auditorJson = await t.login('revisor@stockholm.example');
    eavBoard = await t.boardId('Enskede-Årsta-Vantör');
  }, 300_000);
  afterAll(() => t.close());

  describe('upload: the type is read from the content, not from the name or header', () => {
    it('stores a PDF with its size and sha256, and logs the upload', async () => {
      const pdf = tinyPdf('Revisionsrapport 2/2019');
      const before = await count('audit_log');
      const res = await revisor.upload('/api/attachments', pdf, 'Revisionsrapport 2-2019.pdf', 'application/pdf');
      expect(res.statusCode, res.body).toBe(201);
      const body = res.json();
      expect(body).toMatchObject({ name: 'Revisionsrapport 2-2019.pdf', contentType: 'application/pdf', size: pdf.byteLength });
      expect(body.sha256).toBe(createHash('sha256').update(pdf).digest('hex'));
      const row = await t.database.db.selectFrom('attachment').selectAll().where('id', '=', body.id).executeTakeFirstOrThrow();
      expect(row).toMatchObject({ sha256: body.sha256, size: pdf.byteLength, storage: 'database' });
      expect(await count('audit_log')).toBe(before + 1);
      const entry = await t.database.db.selectFrom('audit_log').select(['action', 'summary']).orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
      expect(entry.action).toBe('attachments.create');
      // The file name is not logged (it may name a person); what identifies the bytes is.
      expect(JSON.stringify(entry.summary)).not.toContain('Revisionsrapport');
    });

    it('recognises Word, Excel, OpenDocument text, PNG and JPEG whatever the browser claims', async () => {
      const docx = new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Protokollsutdrag § 9')] }] })));
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet('Blad1').addRow(['Åtgärd']);
      const xlsx = new Uint8Array(await wb.xlsx.writeBuffer());
      const cases: [Uint8Array, string, string][] = [
        [docx, 'protokoll.pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
        [xlsx, 'tabell.bin', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        [odtBytes(), 'svar.odt', 'application/vnd.oasis.opendocument.text'],
        [PNG_BYTES, 'diagram.png', 'image/png'],
        [JPEG_BYTES, 'foto.jpeg', 'image/jpeg'],
      ];
      for (const [bytes, name, type] of cases) {
        const res = await revisor.upload('/api/attachments', bytes, name, 'application/pdf');
        expect(res.statusCode, `${name}: ${res.body}`).toBe(201);
        expect(res.json().contentType).toBe(type);
      }
      // The stored name carries the real type's extension.
      const res = await revisor.upload('/api/attachments', docx, 'protokoll.pdf');
      expect(res.json().name).toBe('protokoll.docx');
    });

    it.each([
      ['a text file named .pdf', new TextEncoder().encode('Detta är ingen PDF.'), 'rapport.pdf', 422, 'unsupported_type'],
      ['an HTML page', new TextEncoder().encode('<html><script>alert(1)</script></html>'), 'sida.pdf', 422, 'unsupported_type'],
      ['a Word file with macros', docxShapedZip([{ name: 'word/vbaProject.bin', data: 'x' }]), 'makro.docx', 422, 'unsupported_type'],
      ['an empty file', new Uint8Array(), 'tom.pdf', 422, 'empty_file'],
    ])('refuses %s and writes nothing', async (_, bytes, name, status, code) => {
      const before = [await count('attachment'), await count('attachment_content'), await count('audit_log')];
      const res = await revisor.upload('/api/attachments', bytes, name, 'application/pdf');
      expect(res.statusCode, res.body).toBe(status);
      expect(res.json().error.code).toBe(code);
      expect(res.json().error.fields).toEqual([expect.objectContaining({ field: 'file' })]);
      expect([await count('attachment'), await count('attachment_content'), await count('audit_log')]).toEqual(before);
    });

    it('refuses a file over the configured size with 413 and the limit in the message', async () => {
      const before = await count('attachment');
      const big = new Uint8Array(70 * 1024);
      big.set(tinyPdf('stor'));
      const res = await revisor.upload('/api/attachments', big, 'stor.pdf');
      expect(res.statusCode).toBe(413);
      expect(res.json().error).toMatchObject({ code: 'too_large', message: expect.stringContaining('0,1 MB') });
      expect(await count('attachment')).toBe(before);
    });

    it('passes Word, Excel and OpenDocument files through the archive guard: a zip bomb is 413, entity expansion 422', async () => {
      const before = await count('attachment');
      // 8 MB of zeros deflate to a few kilobytes: a part built to inflate, not to be read.
      const bomb = docxShapedZip([{ name: 'word/media/image1.bin', data: new Uint8Array(8 * 1024 * 1024), deflate: true }]);
      expect(bomb.byteLength).toBeLessThan(64 * 1024);
      const big = await revisor.upload('/api/attachments', bomb, 'protokoll.docx');
      expect(big.statusCode, big.body).toBe(413);
      expect(big.json().error.message).toMatch(/zip-bomb/);
      const laughs = docxShapedZip([{ name: 'word/styles.xml', data: '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><w:styles>&lol2;</w:styles>' }]);
      const hostile = await revisor.upload('/api/attachments', laughs, 'svar.docx');
      expect(hostile.statusCode, hostile.body).toBe(422);
      expect(hostile.json().error.message).toMatch(/DOCTYPE/);
      expect(await count('attachment')).toBe(before);
    });

    it('needs a multipart body with the file in the field "file"', async () => {
      const json = await auditorJson.post('/api/attachments', { file: 'x' });
      expect(json.statusCode).toBe(400);
      expect(json.json().error.fields).toEqual([{ field: 'file', message: 'Välj en fil att bifoga.' }]);
    });

    it('is for the roles that write records with attachments: not viewers, not admins, not anonymous', async () => {
      const pdf = tinyPdf('x');
      expect((await (await uploader(t, 'politiker@stockholm.example')).upload('/api/attachments', pdf, 'x.pdf')).statusCode).toBe(403);
      expect((await (await uploader(t, 'admin@stockholm.example')).upload('/api/attachments', pdf, 'x.pdf')).statusCode).toBe(403);
      expect((await t.anonymous.post('/api/attachments', {})).statusCode).toBe(401);
    });
  });

  describe('reading: through the record that refers to the file', () => {
    const pdf = tinyPdf('Stadens arbete mot valdsbejakande extremism');
    /** The auditor's own upload, which no record refers to yet. */
    const uploaded = async () => expectStatus(await revisor.upload('/api/attachments', pdf, 'Rapport 2-2019.pdf'), 201, 'upload').id as string;

    it('a file no record refers to yet is the uploader’s only', async () => {
      const fileId = await uploaded();
      const own = await revisor.get(`/api/attachments/${fileId}`);
      expect(own.statusCode).toBe(200);
      expect(Buffer.compare(own.rawPayload, Buffer.from(pdf))).toBe(0);
      expect(own.headers['content-type']).toBe('application/pdf');
      expect(own.headers['content-disposition']).toContain("filename*=UTF-8''Rapport%202-2019.pdf");
      expect(own.headers['x-content-type-options']).toBe('nosniff');
      expect((await central.get(`/api/attachments/${fileId}`)).statusCode).toBe(404);
    });

    it('once an audit report refers to it: readable by the addressed board and the city-level readers, not by others', async () => {
      const fileId = await uploaded();
      const report = await auditorJson.post('/api/audit-reports', { title: 'Stadens arbete mot våldsbejakande extremism', number: '2/2019', issuedOn: '2019-11-19', replyDue: '2020-02-28', attachmentIds: [fileId] });
      expect(report.statusCode, report.body).toBe(201);
      expect(report.json().attachments).toEqual([expect.objectContaining({ id: fileId, name: 'Rapport 2-2019.pdf' })]);
      // No recommendation yet: only the municipality-wide readers see the report, and so the file.
      expect((await (await uploader(t, 'eav@stockholm.example')).get(`/api/attachments/${fileId}`)).statusCode).toBe(404);
      expect((await central.get(`/api/attachments/${fileId}`)).statusCode).toBe(200);

      const rec = await auditorJson.post(`/api/audit-reports/${report.json().id}/recommendations`, { text: 'Säkerställ att medarbetarna genomför utbildningen.', boardIds: [eavBoard] });
      expect(rec.statusCode).toBe(201);
      const read = async (email: string) => (await (await uploader(t, email)).get(`/api/attachments/${fileId}`)).statusCode;
      expect(await read('eav@stockholm.example')).toBe(200);
      expect(await read('politiker@stockholm.example')).toBe(200); // a viewer of the city board reads the city's
      expect(await read('skarholmen@stockholm.example')).toBe(404);
      expect(await read('enhetschef@stockholm.example')).toBe(404); // contributors do not read audit reports
      expect(await read('admin@stockholm.example')).toBe(404);
      expect((await t.anonymous.get(`/api/attachments/${fileId}`)).statusCode).toBe(401);
    });

    it('a record cannot take a file someone else uploaded (no re-publishing what one was shown)', async () => {
      const theirs = (await central.upload('/api/attachments', tinyPdf('PM'), 'pm.pdf')).json().id;
      const before = await count('audit_log');
      const res = await auditorJson.post('/api/audit-reports', { title: 'Annan granskning', issuedOn: '2020-01-10', replyDue: '2020-03-01', attachmentIds: [theirs] });
      expect(res.statusCode).toBe(422);
      expect(res.json().error.fields).toEqual([{ field: 'attachmentIds.0', message: expect.stringContaining('Bilagan finns inte') }]);
      expect(await count('audit_log')).toBe(before);
    });

    it('an unknown id is 404, a malformed one 400', async () => {
      expect((await revisor.get('/api/attachments/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
      expect((await revisor.get('/api/attachments/inte-ett-id')).statusCode).toBe(400);
    });
  });
});
