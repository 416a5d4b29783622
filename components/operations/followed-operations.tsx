'use client';

import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { OperationProgress } from '@/lib/domain/operation-progress';
import { useTrackOperation } from './operation-tracker';
import { QueryIsland } from './query-island';

/** How often a page asks whether an operation started elsewhere on what it shows. */
const FOLLOW_POLL_MS = 2000;

async function fetchFollowed(environmentIds: string, since: string): Promise<OperationProgress[]> {
  const query = new URLSearchParams({ environment: environmentIds, since });
  const response = await fetch(`/api/v1/operations?${query}`, { cache: 'no-store' });
  const body = (await response.json()) as
    { data: OperationProgress[] } | { error: { message: string } };
  if (!response.ok || !('data' in body)) {
    throw new Error('error' in body ? body.error.message : `answered ${response.status}`);
  }
  return body.data;
}

function FollowedOperationsPoll({
  environmentIds,
  since,
}: {
  environmentIds: readonly number[];
  since: string;
}) {
  const track = useTrackOperation();
  const ids = [...new Set(environmentIds)].sort((a, b) => a - b).join(',');
  const { data } = useQuery({
    queryKey: ['followed-operations', ids, since],
    queryFn: () => fetchFollowed(ids, since),
    enabled: ids.length > 0,
    refetchInterval: FOLLOW_POLL_MS,
  });
  useEffect(() => {
    for (const operation of data ?? []) track(operation);
  }, [data, track]);
  return null;
}

/** The poll of FollowOperations, loaded on demand with react-query. */
export default function FollowedOperations(props: {
  environmentIds: readonly number[];
  since: string;
}) {
  return (
    <QueryIsland>
      <FollowedOperationsPoll {...props} />
    </QueryIsland>
  );
}
