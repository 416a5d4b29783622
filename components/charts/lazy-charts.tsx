'use client';

import dynamic from 'next/dynamic';
import { ChartSkeleton } from './chart-skeleton';

/**
 * Chart bodies load in their own chunk after the page: recharts (~125 kB gzipped) never sits
 * in a page's first load, and the frame around each chart has already reserved its height.
 */
export const TimeSeriesChart = dynamic(() => import('./time-series-chart'), {
  ssr: false,
  loading: ChartSkeleton,
});
