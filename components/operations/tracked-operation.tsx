'use client';

import { useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useEffect, useRef } from 'react';
import { StatusBadge } from '@/components/ui/status-badge';
import { isFinished, type OperationProgress } from '@/lib/domain/operation-progress';
import { operationName, outcomeToast } from './labels';
import { QueryIsland } from './query-island';
import { useToast } from './toasts';

/** While an operation runs the board asks every second; waiting for approval, less often. */
const RUNNING_POLL_MS = 1000;
const WAITING_POLL_MS = 4000;

async function fetchProgress(id: number): Promise<OperationProgress> {
  const response = await fetch(`/api/v1/operations/${id}`, { cache: 'no-store' });
  const body = (await response.json()) as
    { data: OperationProgress } | { error: { message: string } };
  if (!response.ok || !('data' in body)) {
    throw new Error('error' in body ? body.error.message : `answered ${response.status}`);
  }
  return body.data;
}

/** One followed operation's card in the tracker's panel, polling until it finishes. */
export default function TrackedOperationCard(props: {
  initial: OperationProgress;
  onDone: (id: number) => void;
}) {
  return (
    <QueryIsland>
      <TrackedOperation {...props} />
    </QueryIsland>
  );
}

function TrackedOperation({
  initial,
  onDone,
}: {
  initial: OperationProgress;
  onDone: (id: number) => void;
}) {
  const notify = useToast();
  const router = useRouter();
  const { data, error } = useQuery({
    queryKey: ['operation', initial.id],
    queryFn: () => fetchProgress(initial.id),
    initialData: initial,
    initialDataUpdatedAt: 0,
    refetchInterval: (query) => {
      const state = query.state.data?.state;
      if (!state || isFinished(state)) return false;
      return state === 'requested' ? WAITING_POLL_MS : RUNNING_POLL_MS;
    },
  });
  const operation = data ?? initial;
  // The last state told as a toast, so each state is announced once.
  const announced = useRef<string | null>(null);

  useEffect(() => {
    if (announced.current === operation.state) return;
    const toast = outcomeToast(operation);
    if (!toast) return;
    announced.current = operation.state;
    notify(toast);
    if (isFinished(operation.state)) {
      router.refresh();
      onDone(operation.id);
    }
  }, [notify, onDone, operation, router]);

  // Each step redraws the page, so its banner (operation-banner.tsx) shows the step in flight.
  const shownStep = useRef(initial.step);
  useEffect(() => {
    if (shownStep.current === operation.step || isFinished(operation.state)) return;
    shownStep.current = operation.step;
    router.refresh();
  }, [operation.step, operation.state, router]);

  return (
    <div
      data-testid="operation-progress"
      data-state={operation.state}
      className="rounded-lg border border-border bg-surface px-3 py-2.5 text-sm shadow-md"
    >
      <div className="flex items-center justify-between gap-2">
        <span className="font-medium text-ink">{operationName(operation)}</span>
        <StatusBadge status={operation.state}>
          {operation.state === 'requested' ? 'Waiting for approval' : undefined}
        </StatusBadge>
      </div>
      <p className="mt-1 truncate text-xs text-muted" title={operation.step ?? undefined}>
        {operation.state === 'requested'
          ? 'Waiting for a second release manager'
          : operation.step
            ? `Step: ${operation.step}`
            : 'Starting…'}
      </p>
      {error ? (
        <p className="mt-1 text-xs text-red-700">Progress unavailable: {error.message}</p>
      ) : null}
    </div>
  );
}
