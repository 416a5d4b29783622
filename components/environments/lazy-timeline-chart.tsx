'use client';

import dynamic from 'next/dynamic';
import { ChartSkeleton } from '@/components/charts/chart-skeleton';

/** The timeline's body in its own chunk, after the page: the environment page ships no recharts up front. */
export const TimelineChart = dynamic(() => import('./timeline-chart'), {
  ssr: false,
  loading: ChartSkeleton,
});
