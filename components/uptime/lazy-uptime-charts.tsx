'use client';

import dynamic from 'next/dynamic';
import { ChartSkeleton } from '@/components/charts/chart-skeleton';

/**
 * The uptime chart bodies, each in its own chunk after the page (recharts stays out of every
 * first load); the card around each has already reserved its height.
 */
export const AvailabilityChart = dynamic(() => import('./availability-chart'), {
  ssr: false,
  loading: ChartSkeleton,
});

export const LatencyChart = dynamic(() => import('./latency-chart'), {
  ssr: false,
  loading: ChartSkeleton,
});

export const BurnRateChart = dynamic(() => import('./burn-rate-chart'), {
  ssr: false,
  loading: ChartSkeleton,
});
