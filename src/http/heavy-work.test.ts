import { describe, expect, it } from 'vitest';
import { createHeavyWork, rightsKey } from './heavy-work.js';
import type { Actor } from '../domain/policy/index.js';

/** A build that finishes when the test says so. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}
const settle = () => new Promise((r) => setImmediate(r));

describe('the heavy-work gate', () => {
  it('answers a repeated key from the cache without building again', async () => {
    const work = createHeavyWork({ concurrency: 2, queue: 10, entries: 10 });
    let builds = 0;
    const build = async () => ++builds;
    expect(await work.run('city|2026|v1', build)).toBe(1);
    expect(await work.run('city|2026|v1', build)).toBe(1);
    expect(await work.run('city|2026|v2', build)).toBe(2);
    expect(work.stats()).toMatchObject({ hits: 1, misses: 2 });
  });

  it('shares one running build among everyone asking for the same key at once', async () => {
    const work = createHeavyWork({ concurrency: 1, queue: 0, entries: 0 });
    const d = deferred<string>();
    let builds = 0;
    const asks = Array.from({ length: 5 }, () => work.run('same', () => (builds++, d.promise)));
    d.resolve('rapport');
    expect(await Promise.all(asks)).toEqual(Array(5).fill('rapport'));
    expect(builds).toBe(1);
    expect(work.stats()).toMatchObject({ shared: 4, misses: 1, rejected: 0 });
  });

  it('runs at most `concurrency` builds; the next waits for a slot, and beyond the queue is refused with 503', async () => {
    const work = createHeavyWork({ concurrency: 2, queue: 1, entries: 0 });
    const gates = [deferred<number>(), deferred<number>(), deferred<number>()];
    const started: number[] = [];
    const runs = gates.map((g, i) => work.run(`k${i}`, () => (started.push(i), g.promise)));
    const refused = work.run('k3', async () => 3);
    await settle();
    expect(started).toEqual([0, 1]);
    expect(work.stats()).toMatchObject({ running: 2, waiting: 1 });
    await expect(refused).rejects.toMatchObject({ status: 503, code: 'busy', message: expect.stringMatching(/Försök igen om 5 sekunder/) });

    gates[0].resolve(0);
    await settle();
    expect(started).toEqual([0, 1, 2]);
    expect(work.stats()).toMatchObject({ running: 2, waiting: 0 });
    gates[1].resolve(1);
    gates[2].resolve(2);
    expect(await Promise.all(runs)).toEqual([0, 1, 2]);
    expect(work.stats()).toMatchObject({ running: 0, waiting: 0, rejected: 1 });
  });

  it('does not keep a failed build: the next ask builds again', async () => {
    const work = createHeavyWork({ concurrency: 1, queue: 1, entries: 10 });
    await expect(work.run('k', async () => { throw new Error('databasen svarade inte'); })).rejects.toThrow('databasen');
    expect(await work.run('k', async () => 'ok')).toBe('ok');
    expect(work.stats()).toMatchObject({ running: 0, misses: 2 });
  });

  it('keys on the rights, in any order, and never on who the person is', () => {
    const base = { email: 'a@x.se', name: 'A', municipalityId: 'm1' };
    const a: Actor = { ...base, userId: 'u1', roles: [{ role: 'viewer', boardId: 'b1' }, { role: 'auditor', boardId: null }] };
    const b: Actor = { ...base, userId: 'u2', roles: [{ role: 'auditor', boardId: null }, { role: 'viewer', boardId: 'b1' }] };
    const c: Actor = { ...base, userId: 'u3', roles: [{ role: 'auditor', boardId: 'b1' }] };
    expect(rightsKey(a)).toBe(rightsKey(b));
    expect(rightsKey(a)).not.toBe(rightsKey(c));
    expect(rightsKey({ ...a, municipalityId: 'm2' })).not.toBe(rightsKey(a));
  });
});
