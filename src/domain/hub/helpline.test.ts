import { describe, expect, it } from 'vitest';
import { CALLER_TYPES, countContacts, ENVIRONMENTS, suppressHelpline, type CountableContact } from './helpline.js';

const contact = (boardId: string | null, contactedOn: string, over: Partial<CountableContact> = {}): CountableContact => ({
  boardId,
  contactedOn,
  callerType: 'relative',
  environment: 'violent_islamist',
  ...over,
});
const many = (n: number, boardId: string | null, day: string, over: Partial<CountableContact> = {}) => Array.from({ length: n }, () => contact(boardId, day, over));

describe('helpline counts', () => {
  it('counts each board’s contacts by month, caller type and environment', () => {
    const [a] = countContacts(['a'], [contact('a', '2026-03-02'), contact('a', '2026-03-20', { callerType: 'professional' }), contact('b', '2026-03-02'), contact('a', '2026-11-30', { environment: 'white_power' })]);
    expect(a.total).toBe(3);
    expect(a.byMonth[2]).toBe(2);
    expect(a.byMonth[10]).toBe(1);
    expect(a.byCallerType).toMatchObject({ relative: 2, professional: 1, self: 0 });
    expect(a.byEnvironment).toMatchObject({ violent_islamist: 2, white_power: 1 });
  });

  it('gives every row, the city’s own (null) too, exactly the contacts that are its own, in every dimension', () => {
    const boards = ['a', 'b', 'c', null];
    let seed = 7;
    const next = (n: number) => (seed = (seed * 48271) % 2147483647) % n;
    const contacts = Array.from({ length: 400 }, () =>
      contact(boards[next(4)] ?? (next(2) ? 'elsewhere' : null), `2026-${String(1 + next(12)).padStart(2, '0')}-15`, { callerType: CALLER_TYPES[next(CALLER_TYPES.length)], environment: ENVIRONMENTS[next(ENVIRONMENTS.length)] }),
    );
    const rows = countContacts(boards, contacts);
    expect(rows.map((r) => r.boardId)).toEqual(boards);
    for (const row of rows) {
      const own = contacts.filter((c) => c.boardId === row.boardId);
      expect(row.total).toBe(own.length);
      expect(row.byMonth).toEqual(Array.from({ length: 12 }, (_, m) => own.filter((c) => Number(c.contactedOn.slice(5, 7)) === m + 1).length));
      for (const t of CALLER_TYPES) expect(row.byCallerType[t]).toBe(own.filter((c) => c.callerType === t).length);
      for (const e of ENVIRONMENTS) expect(row.byEnvironment[e]).toBe(own.filter((c) => c.environment === e).length);
    }
  });
});

describe('helpline suppression', () => {
  const rows = countContacts(['a', 'b', null], [...many(2, 'a', '2026-02-01'), ...many(12, 'b', '2026-02-01'), ...many(6, null, '2026-05-01')]);

  it('shows another board’s two contacts as "<5" and never the exact number', () => {
    const out = suppressHelpline(rows, new Set([null]), 5);
    const a = out.rows.find((r) => r.boardId === 'a')!;
    expect(a.total).toBe('<5');
    expect(a.byMonth[1]).toBe('<5');
    expect(JSON.stringify(a)).not.toContain('2');
  });

  it('does not let the totals give a small count away by subtraction', () => {
    const out = suppressHelpline(rows, new Set([null]), 5);
    const b = out.rows.find((r) => r.boardId === 'b')!;
    // February: a (2, hidden) + b (12) = total 14. Showing both b and the total would reveal a.
    expect(typeof b.byMonth[1] === 'string' || typeof out.totals.byMonth[1] === 'string').toBe(true);
    expect(typeof b.total === 'string' || typeof out.totals.total === 'string').toBe(true);
  });

  it('shows the owning board its own small counts exactly, and the totals when it knows every row', () => {
    const own = countContacts(['a'], many(2, 'a', '2026-02-01'));
    const out = suppressHelpline(own, new Set(['a']), 5);
    expect(out.rows[0].total).toBe(2);
    expect(out.totals.total).toBe(2);
    expect(JSON.stringify(out)).not.toContain('<5');
  });

  it('keeps a reader’s own row exact, and hides no more of the others than an outsider’s table does', () => {
    const mine = suppressHelpline(rows, new Set(['a']), 5);
    const outsider = suppressHelpline(rows, new Set(), 5);
    expect(mine.rows.find((r) => r.boardId === 'a')!.total).toBe(2);
    expect(mine.rows.filter((r) => r.boardId !== 'a')).toEqual(outsider.rows.filter((r) => r.boardId !== 'a'));
  });
});
