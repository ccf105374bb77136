import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  canonicalJson,
  entryHash,
  formatAnchorLine,
  GENESIS_HASH,
  parseAnchor,
  verifyChain,
  type AnchorHead,
  type ChainedFields,
  type StoredEntry,
} from './audit-chain.js';

function chain(fields: ChainedFields[]): StoredEntry[] {
  let prev = GENESIS_HASH;
  return fields.map((f, i) => {
    const hash = entryHash(prev, f);
    const e = { ...f, seq: i + 1, prevHash: prev, hash };
    prev = hash;
    return e;
  });
}

const entry = (n: number): ChainedFields => ({
  at: new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString(),
  municipalityId: 'm',
  boardId: null,
  actorId: 'u',
  actorEmail: 'u@example.se',
  action: 'users.create',
  entity: 'user',
  entityId: `id-${n}`,
  summary: { n, nested: { b: 1, a: [1, 2] } },
});

describe('canonicalJson', () => {
  it('sorts keys at every level so key order never changes the hash', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: [3, { f: 1, e: 0 }] } })).toBe('{"a":{"c":[3,{"e":0,"f":1}],"d":2},"b":1}');
  });
  it('drops undefined values like JSON does', () => {
    expect(canonicalJson({ a: undefined, b: null })).toBe('{"b":null}');
  });
});

describe('verifyChain', () => {
  it('accepts an untouched chain and counts its entries', async () => {
    expect(await verifyChain(chain([1, 2, 3].map(entry)))).toEqual({ ok: true, checked: 3, anchoredTo: null });
  });

  it('accepts an empty chain', async () => {
    expect(await verifyChain([])).toEqual({ ok: true, checked: 0, anchoredTo: null });
  });

  it('finds an entry whose content was changed after the fact', async () => {
    const c = chain([1, 2, 3, 4].map(entry));
    c[2] = { ...c[2], summary: { n: 999 } };
    expect(await verifyChain(c)).toEqual({ ok: false, checked: 2, brokenAt: 3, reason: 'hash_mismatch' });
  });

  it('names the first missing entry when entries were deleted from the middle', async () => {
    const c = chain([1, 2, 3, 4, 5].map(entry));
    c.splice(1, 2);
    expect(await verifyChain(c)).toEqual({ ok: false, checked: 1, brokenAt: 2, reason: 'gap' });
  });

  it('finds a gap even when the entries after it were relinked to close it', async () => {
    // An attacker deletes entry 3 and recomputes every later hash: the links hold, the numbering does not.
    const fields = [1, 2, 3, 4, 5].map(entry);
    const relinked = chain([fields[0], fields[1], fields[3], fields[4]]).map((e, i) => ({ ...e, seq: i < 2 ? i + 1 : i + 2 }));
    expect(await verifyChain(relinked)).toEqual({ ok: false, checked: 2, brokenAt: 3, reason: 'gap' });
  });

  it('finds a log that does not start at entry 1', async () => {
    const c = chain([1, 2, 3].map(entry)).slice(1);
    expect(await verifyChain(c)).toMatchObject({ ok: false, checked: 0, brokenAt: 1, reason: 'gap' });
  });

  it('finds a rewritten entry even when its own hash was recomputed', async () => {
    const c = chain([1, 2, 3].map(entry));
    const forged = { ...c[1], actorEmail: 'someone-else@example.se' };
    forged.hash = entryHash(forged.prevHash, forged);
    c[1] = forged;
    expect(await verifyChain(c)).toMatchObject({ ok: false, brokenAt: 3, reason: 'prev_hash_mismatch' });
  });

  it('detects any single-field change anywhere in any chain (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 20 }), fc.nat(), fc.string({ minLength: 1 }), async (length, pick, text) => {
        const c = chain(Array.from({ length }, (_, i) => entry(i)));
        const i = pick % length;
        const changed = `${c[i].action}${text}`;
        c[i] = { ...c[i], action: changed };
        const v = await verifyChain(c);
        return !v.ok && v.brokenAt === i + 1;
      }),
    );
  });
});

describe('verifyChain against the anchor', () => {
  const head = (e: StoredEntry): AnchorHead => ({ seq: e.seq, hash: e.hash });

  it('accepts a log that still holds every anchored head, and says how far it was checked', async () => {
    const c = chain([1, 2, 3, 4].map(entry));
    expect(await verifyChain(c, [head(c[0]), head(c[2])])).toEqual({ ok: true, checked: 4, anchoredTo: 3 });
  });

  it('finds the last entries cut off: the log ends before the anchored head', async () => {
    const c = chain([1, 2, 3, 4, 5].map(entry));
    const anchor = c.map(head);
    // Without the anchor, what is left is a valid shorter chain: that is why the anchor exists.
    expect(await verifyChain(c.slice(0, 2))).toEqual({ ok: true, checked: 2, anchoredTo: null });
    expect(await verifyChain(c.slice(0, 2), anchor)).toEqual({ ok: false, checked: 2, brokenAt: 3, reason: 'truncated', anchoredTo: 5 });
  });

  it('finds a cut end that was written over with new entries (same numbers, other hashes)', async () => {
    const original = chain([1, 2, 3, 4].map(entry));
    const rewritten = chain([entry(1), entry(2), entry(30), entry(40), entry(50)]);
    const v = await verifyChain(rewritten, original.map(head));
    expect(v).toEqual({ ok: false, checked: 2, brokenAt: 3, reason: 'anchor_mismatch' });
  });

  it('finds an early entry rewritten with every later hash recomputed, by the anchored head after it', async () => {
    const fields = [1, 2, 3, 4].map(entry);
    const anchor = [head(chain(fields)[3])];
    const forged = chain([fields[0], { ...fields[1], actorEmail: 'someone-else@example.se' }, fields[2], fields[3]]);
    expect(await verifyChain(forged)).toMatchObject({ ok: true });
    expect(await verifyChain(forged, anchor)).toEqual({ ok: false, checked: 3, brokenAt: 4, reason: 'anchor_mismatch' });
  });

  it('treats one entry anchored with two different hashes as a rewrite', async () => {
    const c = chain([1, 2].map(entry));
    expect(await verifyChain(c, [head(c[1]), { seq: 2, hash: 'f'.repeat(64) }])).toMatchObject({ ok: false, brokenAt: 2, reason: 'anchor_mismatch' });
  });

  it('catches any cut of the end, of any length, once the head was anchored (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 30 }), fc.nat(), async (length, cut) => {
        const c = chain(Array.from({ length }, (_, i) => entry(i)));
        const kept = c.slice(0, cut % length);
        const v = await verifyChain(kept, c.map(head));
        return !v.ok && v.reason === 'truncated' && v.brokenAt === kept.length + 1;
      }),
    );
  });
});

describe('anchor file lines', () => {
  it('reads back what it writes, ignoring blank lines', () => {
    const h = { seq: 42, hash: 'a'.repeat(64) };
    const text = formatAnchorLine(h, new Date('2026-12-02T10:00:00Z')) + '\n' + formatAnchorLine({ seq: 43, hash: 'b'.repeat(64) }, new Date());
    expect(formatAnchorLine(h, new Date('2026-12-02T10:00:00Z'))).toBe(`42 ${'a'.repeat(64)} 2026-12-02T10:00:00.000Z\n`);
    expect(parseAnchor(text)).toEqual({ ok: true, heads: [h, { seq: 43, hash: 'b'.repeat(64) }] });
  });

  it('names the first line that is not a head, so a damaged anchor is never read as a shorter one', () => {
    expect(parseAnchor(`1 ${'a'.repeat(64)}\n2 not-a-hash\n`)).toEqual({ ok: false, line: 2 });
    expect(parseAnchor(`0 ${'a'.repeat(64)}\n`)).toEqual({ ok: false, line: 1 });
  });
});
