import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { zodResolver } from '@hookform/resolvers/zod';
import { ApiError } from '../../web/src/api/client';
import '../../web/src/components/api-form';
import { asNumber, errorsFrom, summaryOf } from '../../web/src/components/form-errors';
import { pageOf, sortRows } from '../../web/src/components/table-sort';
import { ZCreateUserRequest } from '../../src/modules/users/schema';
import { ZPriorityGroupRequest, ZSetTargetRequest, ZTargetParams } from '../../src/modules/training/schema';

const resolve = async <S extends z.ZodType>(schema: S, values: unknown) =>
  (await zodResolver(schema as never)(values as never, undefined, { fields: {}, shouldUseNativeValidation: false })).errors as Record<string, unknown>;

describe('[WEB] forms on the server’s schemas', () => {
  it('zod’s own messages are Swedish in the web app, as on the server', () => {
    expect(z.string().min(3).safeParse('a').error?.issues[0].message).toBe('För lite(t): förväntade string att ha >=3 tecken');
  });

  it('the error summary lists the fields in the form’s order, each with its first message', async () => {
    // The new-user form: name, e-mail, password, roles — the server's schema has e-mail first.
    const errors = await resolve(ZCreateUserRequest.pick({ email: true, password: true, name: true }), { name: ' ', email: 'nej', password: 5 });
    const summary = summaryOf(errors, ['name', 'email', 'password', 'roles']);
    expect(Object.keys(summary)).toEqual(['name', 'email', 'password']);
    expect(summary).toEqual({
      name: 'Ange ett namn.',
      email: 'Ange en giltig e-postadress, till exempel namn@kommun.se.',
      password: 'Ange ett lösenord.',
    });
  });

  it('a nested error (an item of a list) is shown on its field', async () => {
    const errors = await resolve(ZPriorityGroupRequest, { year: 2026, name: 'Socialtjänsten', boardIds: ['inte-ett-id'], unitIds: [] });
    expect(summaryOf(errors, ['year', 'name', 'unitIds', 'boardIds'])).toEqual({ boardIds: 'Ogiltig nämnd.' });
  });

  it('numbers typed as text: blank is "not given", other text is refused with the schema’s message', async () => {
    const target = z.strictObject({ year: ZTargetParams.shape.year, targetPercent: ZSetTargetRequest.shape.targetPercent });
    expect(summaryOf(await resolve(target, { year: asNumber(''), targetPercent: asNumber('tio') }), ['year', 'targetPercent'])).toEqual({
      year: 'Ange ett år.',
      targetPercent: 'Ange målet i procent.',
    });
    expect(summaryOf(await resolve(target, { year: asNumber('2026'), targetPercent: asNumber('12.5') }), ['year', 'targetPercent'])).toEqual({
      targetPercent: 'Ange målet som ett heltal.',
    });
    expect(await resolve(target, { year: asNumber('2026'), targetPercent: asNumber('80') })).toEqual({});
  });

  it('a refusal from the server lands on the fields it names, else its message on the fallback field', () => {
    const fields = new ApiError(422, {
      code: 'unknown_board',
      message: 'En roll gäller en nämnd som inte finns.',
      fields: [
        { field: 'roles.0.boardId', message: 'Nämnden finns inte.' },
        { field: 'body', message: 'Okänt fält: x.' },
      ],
    });
    expect(errorsFrom(fields, ['name', 'roles'], 'name', 'Nätet.')).toEqual({ roles: 'Nämnden finns inte.', name: 'Okänt fält: x.' });
    expect(errorsFrom(new ApiError(409, { code: 'duplicate', message: 'Det finns redan en nämnd som heter Farsta.' }), ['name'], 'name', 'Nätet.')).toEqual({
      name: 'Det finns redan en nämnd som heter Farsta.',
    });
    expect(errorsFrom(new TypeError('fetch failed'), ['name'], 'name', 'Det gick inte att nå Värna.')).toEqual({ name: 'Det gick inte att nå Värna.' });
  });
});

describe('[WEB] data table order and pages', () => {
  const rows = [
    { name: 'Älvsjö', share: 12.5 },
    { name: 'Farsta', share: null },
    { name: 'Bromma', share: 7.8 },
    { name: 'Östermalm', share: 40 },
  ];

  it('sorts text in Swedish order and figures as numbers, empty values last both ways', () => {
    expect(sortRows(rows, (r) => r.name, 'ascending').map((r) => r.name)).toEqual(['Bromma', 'Farsta', 'Älvsjö', 'Östermalm']);
    expect(sortRows(rows, (r) => r.share, 'ascending').map((r) => r.name)).toEqual(['Bromma', 'Älvsjö', 'Östermalm', 'Farsta']);
    expect(sortRows(rows, (r) => r.share, 'descending').map((r) => r.name)).toEqual(['Östermalm', 'Älvsjö', 'Bromma', 'Farsta']);
  });

  it('shows a long list a page at a time, with the range it shows; a page past the end shows the last', () => {
    const many = Array.from({ length: 60 }, (_, i) => i + 1);
    expect(pageOf(many, 0, 25)).toMatchObject({ page: 0, pages: 3, from: 1, to: 25 });
    expect(pageOf(many, 2, 25)).toMatchObject({ page: 2, from: 51, to: 60, rows: many.slice(50) });
    expect(pageOf(many, 9, 25)).toMatchObject({ page: 2, from: 51, to: 60 });
    expect(pageOf([], 0, 25)).toMatchObject({ page: 0, pages: 1, from: 0, to: 0 });
  });
});
