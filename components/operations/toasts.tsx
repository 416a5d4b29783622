'use client';

import { createContext, type ReactNode, useCallback, useContext, useState } from 'react';

export type ToastTone = 'success' | 'danger' | 'info';

export interface Toast {
  id: number;
  tone: ToastTone;
  title: string;
  detail?: string;
}

type Notify = (toast: Omit<Toast, 'id'>) => void;

const ToastContext = createContext<Notify>(() => {});

/** Shows a toast from anywhere under <Providers>. */
export function useToast(): Notify {
  return useContext(ToastContext);
}

const TONE_CLASSES: Record<ToastTone, string> = {
  success: 'border-emerald-300 bg-emerald-50 text-emerald-900',
  danger: 'border-red-300 bg-red-50 text-red-900',
  info: 'border-blue-300 bg-blue-50 text-blue-900',
};

/**
 * Outcomes of operations as toasts that stay until dismissed: a failure's reason must be readable,
 * not gone in a few seconds. Failures are announced assertively, the rest politely.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const notify = useCallback<Notify>((toast) => {
    setToasts((current) => [...current, { ...toast, id: Date.now() + Math.random() }]);
  }, []);
  const dismiss = (id: number) => setToasts((current) => current.filter((t) => t.id !== id));
  const region = (tone: 'polite' | 'assertive') => (
    <div
      role={tone === 'assertive' ? 'alert' : 'status'}
      aria-live={tone}
      className="flex flex-col gap-2"
    >
      {toasts
        .filter((toast) => (toast.tone === 'danger') === (tone === 'assertive'))
        .map((toast) => (
          <div
            key={toast.id}
            data-testid="toast"
            data-tone={toast.tone}
            className={`pointer-events-auto flex items-start gap-3 rounded-lg border px-4 py-3 text-sm shadow-md ${TONE_CLASSES[toast.tone]}`}
          >
            <div className="min-w-0 flex-1">
              <p className="font-medium">{toast.title}</p>
              {toast.detail ? (
                <p className="mt-0.5 [overflow-wrap:anywhere]">{toast.detail}</p>
              ) : null}
            </div>
            <button
              type="button"
              onClick={() => dismiss(toast.id)}
              className="rounded px-1 text-xs font-medium opacity-70 hover:opacity-100"
              aria-label={`Dismiss: ${toast.title}`}
            >
              ✕
            </button>
          </div>
        ))}
    </div>
  );
  return (
    <ToastContext.Provider value={notify}>
      {children}
      <div className="pointer-events-none fixed right-4 bottom-4 z-50 flex w-96 max-w-[calc(100vw-2rem)] flex-col gap-2">
        {region('assertive')}
        {region('polite')}
      </div>
    </ToastContext.Provider>
  );
}
