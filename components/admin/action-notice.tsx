import type { ReactNode } from 'react';

/** The sentence an admin action answers with: good news, bad news, or a refusal. */
export function ActionNotice({
  tone,
  children,
  testId,
}: {
  tone: 'good' | 'bad';
  children: ReactNode;
  testId?: string;
}) {
  const classes =
    tone === 'good'
      ? 'border-emerald-600/25 bg-emerald-50 text-emerald-900'
      : 'border-red-600/25 bg-red-50 text-red-900';
  return (
    <p
      role="status"
      data-testid={testId}
      className={`rounded-md border px-3 py-2 text-sm break-words ${classes}`}
    >
      {children}
    </p>
  );
}
