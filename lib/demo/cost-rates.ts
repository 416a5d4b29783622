/**
 * List prices the demo's costs are built from (Vercel Pro, Neon Launch, a hosted uptime monitor).
 * Shared costs are spread evenly over the days of the month they are billed for.
 */
export const RATES = {
  vercelSeatPerMonth: 20,
  vercelSeats: 1,
  perMillionInvocations: 0.6,
  perGbTransferred: 0.15,
  perBuildMinute: 0.028,
  perComputeUnitHour: 0.106,
  perGbMonthStored: 0.35,
  perExtraBranchMonth: 1.5,
  /** Neon Launch includes this many branches per project; each one beyond is billed. */
  includedBranches: 10,
  monitoringPerMonth: 9,
} as const;

export type UsageProfile = {
  /** Million function invocations on a weekday. */
  invocationsM: number;
  /** GB served on a weekday. */
  transferGb: number;
  /** Compute-unit hours on a weekday and at the weekend (scale to zero when idle). */
  computeWeekday: number;
  computeWeekend: number;
};

/** Production's compute never scales to zero; the others suspend when nobody is using them. */
export const USAGE: Record<'production' | 'staging' | 'development' | 'preview', UsageProfile> = {
  production: { invocationsM: 0.28, transferGb: 1.25, computeWeekday: 6.9, computeWeekend: 6.2 },
  staging: { invocationsM: 0.02, transferGb: 0.06, computeWeekday: 2.2, computeWeekend: 0.4 },
  development: { invocationsM: 0.008, transferGb: 0.03, computeWeekday: 1.2, computeWeekend: 0.1 },
  preview: { invocationsM: 0.006, transferGb: 0.02, computeWeekday: 0.35, computeWeekend: 0.08 },
};

/** GB that the branch behind each kind of environment adds to the project's storage. */
export const STORED_GB = {
  production: 2.3,
  staging: 0.35,
  development: 0.2,
  preview: 0.06,
} as const;

/**
 * What a preview stuck in a fetch loop uses per hour: requests from the open tab keep its
 * functions busy, and its database compute scales up and never suspends.
 */
export const RUNAWAY_LOOP = { invocationsMPerHour: 0.09, computeUnits: 1.2 } as const;
