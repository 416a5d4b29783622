import type { VercelClient } from '@/lib/providers/vercel/client';
import type { SyncJob } from '@/lib/sync/sync-job';
import { attributeCosts } from './attribution';
import { costWindow, dayStart } from './cost-window';
import { environmentsOfDeployments, loadCostEnvironments } from './environments';
import { deploymentTag, vercelCostLines } from './vercel-lines';
import { writeCostWindow } from './write-costs';

export const VERCEL_CHARGES_KIND = 'vercel.charges';
/** The billing charges endpoint answers at most a year per request (https://vercel.com/docs/rest-api/reference/endpoints/billing/list-focus-billing-charges). */
const VERCEL_MAX_DAYS = 365;

export interface VercelChargesJobInput {
  vercel: VercelClient;
  projectId: number;
  /** The project's Vercel id, so rows of the team's other projects are left out. */
  vercelProjectId: string | null;
}

/**
 * Vercel's FOCUS billing rows by day and service, attributed to environments, replacing what
 * earlier runs stored for the same days.
 */
export function vercelChargesJob({
  vercel,
  projectId,
  vercelProjectId,
}: VercelChargesJobInput): SyncJob {
  return {
    kind: VERCEL_CHARGES_KIND,
    callsSpent: () => vercel.callsSpent,
    async work({ db, now, previousCursor }) {
      const window = costWindow(previousCursor, now, VERCEL_MAX_DAYS);
      const { charges, unreadable } = await vercel.listBillingCharges(
        dayStart(window.fromDay),
        dayStart(window.toDay),
      );
      const tagged = charges.flatMap((charge) => deploymentTag(charge) ?? []);
      const [environments, environmentOfDeployment] = await Promise.all([
        loadCostEnvironments(db, projectId),
        environmentsOfDeployments(db, projectId, [...new Set(tagged)]),
      ]);
      const { lines, errors: lineErrors } = vercelCostLines({
        charges,
        vercelProjectId,
        environmentOfDeployment,
        environments,
        now,
      });
      const { changed } = await writeCostWindow(db, {
        projectId,
        provider: 'vercel',
        source: 'vercel.billing_charges',
        window,
        rows: attributeCosts(lines, environments, now),
      });
      // A row that cannot be read is named, and the day's other rows still count.
      const errors = [
        ...unreadable.map(({ id, reason }) => `billing charge ${id}: ${reason}`),
        ...lineErrors,
      ];
      const itemsSeen = charges.length + unreadable.length;
      return { itemsSeen, itemsChanged: changed, errors, cursor: window.cursor };
    },
  };
}
