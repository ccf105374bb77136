import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalJson, entryHash, GENESIS_HASH, verifyChain, type ChainedFields, type StoredEntry } from './audit-chain.js';

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
    expect(await verifyChain(chain([1, 2, 3].map(entry)))).toEqual({ ok: true, checked: 3 });
  });

  it('accepts an empty chain', async () => {
    expect(await verifyChain([])).toEqual({ ok: true, checked: 0 });
  });

  it('finds an entry whose content was changed after the fact', async () => {
    const c = chain([1, 2, 3, 4].map(entry));
    c[2] = { ...c[2], summary: { n: 999 } };
    expect(await verifyChain(c)).toEqual({ ok: false, checked: 2, brokenAt: 3, reason: 'hash_mismatch' });
  });

  it('finds a deleted entry by the broken link of the next one', async () => {
    const c = chain([1, 2, 3, 4].map(entry));
    c.splice(1, 1);
    expect(await verifyChain(c)).toMatchObject({ ok: false, brokenAt: 3, reason: 'prev_hash_mismatch' });
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
