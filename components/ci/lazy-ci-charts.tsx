'use client';

import dynamic from 'next/dynamic';
import { ChartSkeleton } from '@/components/charts/chart-skeleton';

/** The CI chart the kit cannot draw, in its own lazy chunk like every chart body. */
export const SuccessRateChart = dynamic(() => import('./success-rate-chart'), {
  ssr: false,
  loading: ChartSkeleton,
});
