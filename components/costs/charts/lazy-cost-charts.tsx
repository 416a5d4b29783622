'use client';

import dynamic from 'next/dynamic';
import { ChartSkeleton } from '@/components/charts/chart-skeleton';

/** The Costs page's own chart bodies, each in its own chunk after the page (recharts stays out). */
export const MonthlyTotalsChart = dynamic(() => import('./monthly-totals-chart'), {
  ssr: false,
  loading: ChartSkeleton,
});

export const RankedCostChart = dynamic(() => import('./ranked-cost-chart'), {
  ssr: false,
  loading: ChartSkeleton,
});
