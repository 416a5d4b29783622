import { floorToCheckInterval } from './clock';
import { generateDemoHistory } from './history';
import type { DemoHistory } from './types';

export { generateDemoHistory } from './history';
export type * from './types';

export const DEFAULT_SEED = 20_250_601;

/**
 * The demo history for `now` (floored to the 5-minute mark, so uptime checks line up) and `seed`:
 * the seed writes it into the database and the sandbox serves it, so both hold the same demo
 * for the same two values.
 */
export function demoHistory(options: { now?: Date; seed?: number } = {}): DemoHistory {
  return generateDemoHistory({
    now: floorToCheckInterval(options.now ?? new Date()),
    seed: options.seed ?? DEFAULT_SEED,
  });
}
