'use client';

import { createContext, type ReactNode, useCallback, useContext, useRef, useState } from 'react';
import type { OperationProgress } from '@/lib/domain/operation-progress';
import { TrackedOperation } from './lazy-operations';

type Track = (operation: OperationProgress) => void;

const TrackerContext = createContext<Track>(() => {});

/**
 * Follows an operation until it finishes: one a server action just started, or one another tab
 * started that this page's environments show (FollowOperations).
 */
export function useTrackOperation(): Track {
  return useContext(TrackerContext);
}

/**
 * The operations this tab follows, polled through react-query until each finishes, shown in a
 * live panel with their state and step. The polling card loads on demand (lazy-operations.tsx),
 * so react-query is not part of any page's first load. Their outcome becomes a toast and the page is refreshed,
 * so what the operation changed shows without a reload. Held above the page so a row that
 * disappears (a deleted preview) does not stop the polling. An operation is announced once per
 * tab: one that finished here is not followed again when another source names it.
 */
export function OperationTracker({ children }: { children: ReactNode }) {
  const [tracked, setTracked] = useState<OperationProgress[]>([]);
  const settled = useRef(new Set<number>());
  const track = useCallback<Track>((operation) => {
    if (settled.current.has(operation.id)) return;
    setTracked((current) =>
      current.some((known) => known.id === operation.id) ? current : [...current, operation],
    );
  }, []);
  const forget = useCallback((id: number) => {
    settled.current.add(id);
    setTracked((current) => current.filter((operation) => operation.id !== id));
  }, []);
  return (
    <TrackerContext.Provider value={track}>
      {children}
      {tracked.length > 0 ? (
        <section
          aria-label="Operations in progress"
          className="fixed bottom-4 left-4 z-50 flex w-80 max-w-[calc(100vw-2rem)] flex-col gap-2"
        >
          {tracked.map((operation) => (
            <TrackedOperation key={operation.id} initial={operation} onDone={forget} />
          ))}
        </section>
      ) : null}
    </TrackerContext.Provider>
  );
}
