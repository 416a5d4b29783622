import type { Database } from '@/db/client';
import { seedDemo } from '@/db/seed';
import type { DemoSandboxes } from '@/sandbox/demo/start';
import type { DemoClock } from './demo-clock';

/**
 * Fills an empty database with the demo the sandboxes were filled from (same `now`, same seed).
 */
export async function fillDemoDatabase(
  db: Database,
  _sandboxes: DemoSandboxes,
  clock: DemoClock,
): Promise<void> {
  const started = Date.now();
  const summary = await seedDemo(db, clock);
  console.log(`envboard: demo history seeded in ${Date.now() - started} ms`, summary);
}
