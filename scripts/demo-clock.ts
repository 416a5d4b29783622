import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { type DatabaseConfig, DEFAULT_PGLITE_DIR } from '@/db/client';

/**
 * The `now` the demo in a database was generated for. The sandboxes are in memory and refilled
 * at every start; filling them for the database's `now` gives them the same ids the database
 * holds, so promoting or deleting from the board finds its deployment or branch.
 */
const clockSchema = z.object({ now: z.iso.datetime(), seed: z.number().int() });
export type DemoClock = { now: Date; seed: number };

/** Beside the embedded database's folder; `.data/` for a database given by URL. */
export function demoClockPath(config: DatabaseConfig): string {
  if (config.url && config.driver !== 'pglite') return resolve('.data/demo-clock.json');
  return `${resolve(config.pgliteDir ?? DEFAULT_PGLITE_DIR)}.demo-clock.json`;
}

export function readDemoClock(path: string): DemoClock | undefined {
  try {
    const parsed = clockSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    return parsed.success ? { now: new Date(parsed.data.now), seed: parsed.data.seed } : undefined;
  } catch {
    return undefined;
  }
}

export function writeDemoClock(path: string, clock: DemoClock): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify({ now: clock.now.toISOString(), seed: clock.seed }) + '\n');
}
