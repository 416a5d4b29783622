'use client';

import { createContext, type ReactNode, useContext } from 'react';

const RequestIdContext = createContext<string | null>(null);

/** Hands the board's error screen the id proxy.ts gave the request that rendered the board. */
export function RequestIdProvider({ id, children }: { id: string | null; children: ReactNode }) {
  return <RequestIdContext value={id}>{children}</RequestIdContext>;
}

export function useRequestId(): string | null {
  return useContext(RequestIdContext);
}
