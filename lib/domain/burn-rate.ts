/**
 * Multi-window, multi-burn-rate SLO alerts, as the Google SRE workbook sets them out in
 * "Alerting on SLOs" (https://sre.google/workbook/alerting-on-slos/): an alert fires when both a
 * long window and its short companion burn the error budget faster than the factor; the short
 * window makes the alert stop soon after the failures do.
 */

/** The windows the alerts read, in milliseconds. None is longer than 3 days. */
export const BURN_WINDOW_MS = {
  '5m': 5 * 60_000,
  '30m': 30 * 60_000,
  '1h': 3_600_000,
  '2h': 2 * 3_600_000,
  '6h': 6 * 3_600_000,
  '1d': 24 * 3_600_000,
  '3d': 72 * 3_600_000,
} as const;
export type BurnWindow = keyof typeof BURN_WINDOW_MS;
export const BURN_WINDOWS = Object.keys(BURN_WINDOW_MS) as BurnWindow[];

export interface BurnRateAlert {
  long: BurnWindow;
  short: BurnWindow;
  /** The burn-rate factor both windows must exceed. */
  threshold: number;
  /** Page someone, or open a ticket. */
  severity: 'page' | 'ticket';
  /** Share of a 30-day budget spent by the time the long window fires. */
  budgetSpent: number;
}

/** The workbook's table 5-8 (recommended parameters for a 99.9 % SLO over 30 days). */
export const BURN_RATE_ALERTS: readonly BurnRateAlert[] = [
  { long: '1h', short: '5m', threshold: 14.4, severity: 'page', budgetSpent: 0.02 },
  { long: '6h', short: '30m', threshold: 6, severity: 'page', budgetSpent: 0.05 },
  { long: '1d', short: '2h', threshold: 3, severity: 'ticket', budgetSpent: 0.1 },
  { long: '3d', short: '6h', threshold: 1, severity: 'ticket', budgetSpent: 0.1 },
];

/**
 * How fast a window spends the error budget: its error rate over the rate the SLO allows
 * (error rate ÷ (1 − SLO)). 1 spends exactly the budget over the SLO window; 14.4 spends a
 * 30-day budget in 50 hours. Null without checks, or when the SLO allows no failure at all.
 */
export function burnRate(okChecks: number, totalChecks: number, sloPct: number): number | null {
  const allowedErrorRate = 1 - sloPct / 100;
  if (totalChecks <= 0 || allowedErrorRate <= 0) return null;
  return (totalChecks - okChecks) / totalChecks / allowedErrorRate;
}

export interface WindowChecks {
  okChecks: number;
  totalChecks: number;
}

export interface BurnRateReading extends BurnRateAlert {
  longRate: number | null;
  shortRate: number | null;
  longChecks: number;
  shortChecks: number;
  /** Both windows above the threshold: the alert would fire now. */
  firing: boolean;
}

/** Each alert of the table, read from the checks of its two windows. */
export function readBurnRates(
  checks: Record<BurnWindow, WindowChecks>,
  sloPct: number,
): BurnRateReading[] {
  return BURN_RATE_ALERTS.map((alert) => {
    const long = checks[alert.long];
    const short = checks[alert.short];
    const longRate = burnRate(long.okChecks, long.totalChecks, sloPct);
    const shortRate = burnRate(short.okChecks, short.totalChecks, sloPct);
    return {
      ...alert,
      longRate,
      shortRate,
      longChecks: long.totalChecks,
      shortChecks: short.totalChecks,
      firing:
        longRate !== null &&
        shortRate !== null &&
        longRate > alert.threshold &&
        shortRate > alert.threshold,
    };
  });
}

export const BURN_WINDOW_LABEL: Record<BurnWindow, string> = {
  '5m': '5 min',
  '30m': '30 min',
  '1h': '1 h',
  '2h': '2 h',
  '6h': '6 h',
  '1d': '1 day',
  '3d': '3 days',
};

/** A burn rate as people quote it: `14.4×`, `0.35×`, `1,000×`. */
export function formatBurnRate(rate: number | null): string {
  if (rate === null || !Number.isFinite(rate)) return '—';
  if (rate >= 100) return `${Math.round(rate).toLocaleString('en-US')}×`;
  return `${rate >= 10 ? rate.toFixed(1) : rate.toFixed(2)}×`;
}
