import type { AlertSeverity } from './alerts';
import type { BurnRateReading } from './burn-rate';
import type { DailyTotal } from './costs';
import type { SyncHealth } from './sync-health';

/**
 * What the rules read, gathered from the database for one project. Each part is present only
 * when a rule that reads it is enabled; an absent part fires nothing.
 */
export interface AlertFacts {
  budget?: { month: string; budgetUsd: number; monthToDateUsd: number; forecastUsd: number };
  /** Every day up to today, oldest first, days without spend as 0: 7 days before each judged. */
  dailyCosts?: DailyTotal[];
  /** Active environments with checks: how many of the newest failed in a row. */
  uptime?: Array<{
    slug: string;
    name: string;
    consecutiveFailures: number;
    lastError: string | null;
  }>;
  burnRates?: Array<{ slug: string; name: string; readings: BurnRateReading[] }>;
  /** Production's newest finished deployment. */
  productionDeploy?: {
    slug: string;
    name: string;
    vercelId: string;
    state: 'ready' | 'error';
    commitSha: string;
    errorMessage: string | null;
  } | null;
  /** Rollbacks that succeeded lately (the gatherer's window). */
  rollbacks?: Array<{ operationId: number; slug: string; finishedAt: Date; reason: string | null }>;
  /** Promotions still waiting for approval. */
  pendingPromotions?: Array<{ operationId: number; slug: string; requestedAt: Date }>;
  /** Freeze windows in force now. */
  freezes?: Array<{ slug: string; name: string; frozenUntil: Date; reason: string | null }>;
  /** Provisionings that failed lately (the gatherer's window). */
  provisionFailures?: Array<{ operationId: number; target: string; error: string | null }>;
  /** Active previews with an expiry, pinned or not. */
  previewExpiries?: Array<{
    slug: string;
    name: string;
    expiresAt: Date;
    pinned: boolean;
    pinnedUntil: Date | null;
  }>;
  previewCosts?: Array<{
    slug: string;
    costSoFarUsd: number;
    projectedUsd: number;
    thresholdUsd: number;
  }>;
  syncs?: Array<{ kind: string; health: SyncHealth; consecutiveFailures: number }>;
  webhookDeliveries?: { failed: number };
}

/** One subject a rule finds firing now, with what its message says. */
export interface FiringAlert {
  /** With the rule, the dedupe key: `production`, `2026-12:75`, `operation:41`. */
  subject: string;
  severity: AlertSeverity;
  title: string;
  /** The title of its resolved notice: "Production is back up". */
  resolvedTitle: string;
  summary: string;
  fields: Array<{ label: string; value: string }>;
  environment?: string;
  /** Where on the board to look, a path: `/uptime/production`. */
  path: string;
}

/** The figures' formats, handed in so every message reads like the board. */
export interface AlertFormat {
  usd: (amount: number) => string;
  /** A 0–1 ratio as a percentage. */
  percent: (ratio: number) => string;
  /** A date as people read it in a message. */
  time: (date: Date) => string;
}
