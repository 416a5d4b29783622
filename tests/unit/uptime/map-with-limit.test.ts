import { describe, expect, it } from 'vitest';
import { mapWithLimit } from '@/lib/uptime/map-with-limit';

describe('mapWithLimit', () => {
  it('keeps at most `limit` in flight and results in input order', async () => {
    let inFlight = 0;
    let most = 0;
    const gates: (() => void)[] = [];
    const run = mapWithLimit([1, 2, 3, 4, 5], 2, async (n) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise<void>((resolve) => gates.push(resolve));
      inFlight--;
      return n * 10;
    });
    // Release the waiting items one at a time, newest first, so they finish out of order.
    while (gates.length > 0 || inFlight > 0) {
      await new Promise((resolve) => setImmediate(resolve));
      gates.pop()?.();
    }
    expect(await run).toEqual([10, 20, 30, 40, 50]);
    expect(most).toBe(2);
  });

  it('lets the others through while one item is stuck', async () => {
    const done: number[] = [];
    let releaseStuck = () => {};
    const run = mapWithLimit([0, 1, 2, 3], 2, async (n) => {
      if (n === 0) await new Promise<void>((resolve) => (releaseStuck = resolve));
      done.push(n);
      return n;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(done).toEqual([1, 2, 3]);
    releaseStuck();
    expect(await run).toEqual([0, 1, 2, 3]);
  });

  it('handles no items and refuses a limit below one', async () => {
    expect(await mapWithLimit([], 3, async () => 1)).toEqual([]);
    await expect(mapWithLimit([1], 0, async () => 1)).rejects.toThrow(/at least 1/);
  });
});
