'use client';

import dynamic from 'next/dynamic';

/*
 * What polls operations, with react-query, in chunks of their own: the board's first load is the
 * page, and these arrive once a page follows an operation.
 */
export const TrackedOperation = dynamic(() => import('./tracked-operation'), { ssr: false });
export const FollowedOperations = dynamic(() => import('./followed-operations'), { ssr: false });
