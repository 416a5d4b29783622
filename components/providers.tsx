'use client';

import { QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { OperationTracker } from './operations/operation-tracker';
import { getQueryClient } from './operations/query-client';
import { ToastProvider } from './operations/toasts';

/** Client-side context for the whole app: react-query, toasts and the operations in progress. */
export function Providers({ children }: { children: ReactNode }) {
  return (
    <QueryClientProvider client={getQueryClient()}>
      <ToastProvider>
        <OperationTracker>{children}</OperationTracker>
      </ToastProvider>
    </QueryClientProvider>
  );
}
