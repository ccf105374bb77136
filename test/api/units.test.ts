import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zodResolver } from '@hookform/resolvers/zod';
import { ZCreateBoardRequest, type TCreateBoardRequest } from '../../src/modules/orgs/schema.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { testDatabaseKinds } from '../helpers/databases.js';

describe.each(await testDatabaseKinds())('[ORGS] units of every board and form messages on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it('GET /api/units gives every unit of the municipality in one answer, for any signed-in role', async () => {
    const c = await t.login('enhetschef@stockholm.example');
    const res = await c.get('/api/units');
    expect(res.statusCode).toBe(200);
    const units: { id: string; boardId: string; name: string; kind: string }[] = res.json();
    const stored = await t.database.db.selectFrom('unit').select(['id', 'board_id']).execute();
    expect(units.map((u) => u.id).sort()).toEqual(stored.map((u) => u.id).sort());
    // Units of several boards, each with its board.
    expect(new Set(units.map((u) => u.boardId)).size).toBeGreaterThan(1);
    const farsta = await t.boardId('Farsta');
    const perBoard = (await c.get(`/api/boards/${farsta}/units`)).json();
    expect(units.filter((u) => u.boardId === farsta)).toEqual(perBoard);
  });

  it('GET /api/units refuses anonymous callers with 401', async () => {
    expect((await t.anonymous.get('/api/units')).statusCode).toBe(401);
  });

  it('the web form and the server give the same Swedish message for the same refused body', async () => {
    const admin = await t.login('admin@stockholm.example');
    const body = { name: '   ', kind: 'no_such_kind' } as unknown as TCreateBoardRequest;
    const res = await admin.post('/api/boards', body);
    expect(res.statusCode).toBe(400);
    const server = Object.fromEntries((res.json().error.fields as { field: string; message: string }[]).map((f) => [f.field, f.message]));
    const web = await zodResolver(ZCreateBoardRequest)(body, undefined, { fields: {}, shouldUseNativeValidation: false });
    expect(server).toEqual({ name: 'Ange ett namn.', kind: 'Välj typ av nämnd.' });
    expect({ name: web.errors.name?.message, kind: web.errors.kind?.message }).toEqual(server);
  });
});
