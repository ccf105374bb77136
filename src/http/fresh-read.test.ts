import { describe, expect, it } from 'vitest';
import { freshRead } from './fresh-read.js';

/** A read per call of the underlying function, finished when the test says so. */
function controlledReads() {
  const reads: { key: string; finish: (v: string) => void; fail: (e: Error) => void }[] = [];
  const read = (key: string) =>
    new Promise<string>((finish, fail) => {
      reads.push({ key, finish, fail });
    });
  return { reads, read };
}
const settle = () => new Promise((r) => setImmediate(r));

describe('freshRead: one read for callers who arrive together, never one begun before the caller asked', () => {
  it('a caller who comes while a read is under way waits for the next read, which serves everyone who came meanwhile', async () => {
    const { reads, read } = controlledReads();
    const shared = freshRead(read);
    const first = shared('m1');
    await settle();
    const later = [shared('m1'), shared('m1'), shared('m1')];
    await settle();
    expect(reads).toHaveLength(1);
    reads[0].finish('v1');
    expect(await first).toBe('v1');
    await settle();
    // The three who came during the first read get the second one, not the first's answer.
    expect(reads).toHaveLength(2);
    reads[1].finish('v2');
    expect(await Promise.all(later)).toEqual(['v2', 'v2', 'v2']);
  });

  it('keeps keys apart, and starts afresh once nothing is under way', async () => {
    const { reads, read } = controlledReads();
    const shared = freshRead(read);
    const a = shared('m1');
    const b = shared('m2');
    await settle();
    expect(reads.map((r) => r.key)).toEqual(['m1', 'm2']);
    reads[0].finish('a');
    reads[1].finish('b');
    expect([await a, await b]).toEqual(['a', 'b']);
    await settle();
    const c = shared('m1');
    await settle();
    expect(reads).toHaveLength(3);
    reads[2].finish('c');
    expect(await c).toBe('c');
  });

  it('a failed read fails only its own callers; the next read goes ahead', async () => {
    const { reads, read } = controlledReads();
    const shared = freshRead(read);
    const first = shared('m1');
    await settle();
    const second = shared('m1');
    reads[0].fail(new Error('connection lost'));
    await expect(first).rejects.toThrow('connection lost');
    await settle();
    reads[1].finish('v2');
    expect(await second).toBe('v2');
  });
});
