import type { DbBranchRow, DemoHistory } from '@/lib/demo';
import { daysInUtcMonth } from '@/lib/demo/clock';
import type { ConsumptionRow } from '../neon/consumption';
import type { NeonStore, SandboxBranch } from '../neon/store';

/** Neon reports expiry to the second, as RFC 3339 in UTC. */
const toSeconds = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * Puts the demo's Neon project into the emulator: main, staging, development and one
 * `preview/<branch>` per open pull request, each with a compute, under the demo's branch ids.
 * Branches the demo deleted are gone, as Neon forgets them (reads 404, deletes answer 204).
 */
export function fillNeonStore(store: NeonStore, history: DemoHistory): void {
  store.branches.clear();
  store.endpoints.clear();
  const live = history.dbBranches.filter((row) => row.state !== 'deleted' && !row.deletedAt);
  for (const row of history.dbBranches) {
    if (!live.includes(row)) store.deleted.add(row.neonBranchId);
  }
  for (const row of live) {
    const branch = branchOf(row);
    store.branches.set(branch.id, branch);
    const endpointId = `ep-${row.neonBranchId.slice(3)}`;
    store.endpoints.set(endpointId, {
      id: endpointId,
      host: `${endpointId}.us-east-2.aws.neon.tech`,
      branchId: branch.id,
      createdAt: branch.createdAt,
    });
    branch.endpointId = endpointId;
  }
}

function branchOf(row: DbBranchRow): SandboxBranch {
  return {
    id: row.neonBranchId,
    name: row.name,
    parentId: row.parentNeonBranchId,
    isDefault: row.isDefault ?? false,
    createdAt: row.providerCreatedAt.getTime(),
    updatedAt: row.providerUpdatedAt.getTime(),
    lastResetAt: row.lastResetAt?.getTime(),
    expiresAt: row.expiresAt ? toSeconds(row.expiresAt) : undefined,
    // The emulator's stand-in for a branch's contents: children start from their parent's.
    data: 'seed',
    logicalSizeBytes: row.logicalSizeBytes,
    busyUntil: 0,
    busyState: 'init',
  };
}

/** Neon meters storage in bytes (10^9 to the GB) and bills per hour of a month. */
const BYTES_PER_GB = 1e9;
const DAY_MS = 24 * 3600 * 1000;
const hoursInMonthOf = (start: number) => daysInUtcMonth(start) * 24;

/**
 * Neon's daily consumption history for the demo's Neon costs, in Neon's raw units: compute per
 * branch and for the project (CU-seconds), storage (byte-hours) and extra branches
 * (branch-hours) for the project. `fromDay` (YYYY-MM-DD) leaves out earlier days.
 */
export function neonConsumption(history: DemoHistory, fromDay = ''): ConsumptionRow[] {
  const projectId = history.project.neonProjectId;
  const branchOf = new Map(history.environments.map((env) => [env.slug, env.neonBranchId]));
  const rows: ConsumptionRow[] = [];
  for (const sample of history.costSamples) {
    if (sample.provider !== 'neon' || sample.day < fromDay) continue;
    const start = Date.parse(`${sample.day}T00:00:00Z`);
    const frame = {
      projectId,
      timeframeStart: new Date(start).toISOString(),
      timeframeEnd: new Date(start + DAY_MS).toISOString(),
    };
    const quantity = Number(sample.quantity);
    if (sample.metric === 'compute_hours') {
      const branchId = sample.environmentSlug ? branchOf.get(sample.environmentSlug) : undefined;
      if (!branchId) continue;
      // Neon reports compute per branch and, summed, for the project.
      rows.push({ ...frame, branchId, metric: 'compute_unit_seconds', value: quantity * 3600 });
      rows.push({
        ...frame,
        branchId: null,
        metric: 'compute_unit_seconds',
        value: quantity * 3600,
      });
    } else if (sample.metric === 'storage') {
      const byteHours = quantity * BYTES_PER_GB * hoursInMonthOf(start);
      rows.push({ ...frame, branchId: null, metric: 'root_branch_bytes_month', value: byteHours });
    } else if (sample.metric === 'extra_branches') {
      const branchHours = quantity * hoursInMonthOf(start);
      rows.push({ ...frame, branchId: null, metric: 'extra_branches_month', value: branchHours });
    }
  }
  return rows;
}
