'use client';

import dynamic from 'next/dynamic';
import { ChartSkeleton } from '@/components/charts/chart-skeleton';

/** The DORA trend body in its own chunk: the page's first load carries no recharts. */
export const DoraTrendChart = dynamic(() => import('./dora-trend-chart'), {
  ssr: false,
  loading: ChartSkeleton,
});
