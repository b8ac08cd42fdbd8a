// combined(): a call with nothing running goes at once; calls made while one
// runs go together in the next run, each getting its own result; a combined
// run that fails is run again call by call, so only the bad call fails.
import { expect, it } from 'vitest';
import { combined } from '../../server/db';

/** A run function that records the batches it was given and finishes each when told. */
function gatedRun(fail: (items: number[]) => boolean = () => false) {
  const batches: number[][] = [];
  const gates: (() => void)[] = [];
  const run = (items: number[]) => {
    batches.push(items);
    return new Promise<number[]>((resolve, reject) => {
      gates.push(() => (fail(items) ? reject(new Error(`bad batch ${items.join(',')}`)) : resolve(items.map((n) => n * 10))));
    });
  };
  const openNext = async () => {
    // let the calls made so far reach the combiner
    await new Promise((resolve) => setImmediate(resolve));
    gates.shift()?.();
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { run, batches, openNext };
}

it('sends a lone call at once and combines the calls that arrive while it runs', async () => {
  const { run, batches, openNext } = gatedRun();
  const call = combined(run);
  const first = call(1);
  const rest = [call(2), call(3), call(4)];
  expect(batches).toEqual([[1]]);
  await openNext();
  expect(batches).toEqual([[1], [2, 3, 4]]);
  await openNext();
  expect(await first).toBe(10);
  expect(await Promise.all(rest)).toEqual([20, 30, 40]);
});

it('runs a failed combined batch again call by call: the bad call fails alone', async () => {
  const { run, batches, openNext } = gatedRun((items) => items.includes(3));
  const call = combined(run);
  const first = call(1);
  const rest = [call(2), call(3), call(4)].map((p) => p.then((v) => ({ ok: v }), (e: Error) => ({ error: e.message })));
  await openNext();
  await openNext();
  for (let i = 0; i < 3; i++) await openNext();
  expect(await first).toBe(10);
  expect(await Promise.all(rest)).toEqual([{ ok: 20 }, { error: 'bad batch 3' }, { ok: 40 }]);
  expect(batches).toEqual([[1], [2, 3, 4], [2], [3], [4]]);
});
