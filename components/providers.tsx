'use client';

import type { ReactNode } from 'react';
import { OperationTracker } from './operations/operation-tracker';
import { ToastProvider } from './operations/toasts';

/**
 * Client-side context for the whole app: toasts and the operations in progress (whose polling
 * brings react-query along when there is something to poll).
 */
export function Providers({ children }: { children: ReactNode }) {
  return (
    <ToastProvider>
      <OperationTracker>{children}</OperationTracker>
    </ToastProvider>
  );
}
