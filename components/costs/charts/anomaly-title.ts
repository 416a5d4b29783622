import type { CostAnomaly } from '@/lib/domain/costs';
import { ANOMALY_WINDOW_DAYS } from '@/lib/domain/costs';
import { usd } from '@/lib/format';

/** Why a day is marked: "$41.20 — 3.1 × the 7-day median $13.30". */
export function anomalyTitle(anomaly: CostAnomaly): string {
  return `${usd(anomaly.totalUsd)} — ${anomaly.ratio.toFixed(1)} × the ${ANOMALY_WINDOW_DAYS}-day median ${usd(anomaly.medianUsd)}`;
}
