'use client';

import { useState } from 'react';

/**
 * Copies a value (a branch name, an id a person pastes elsewhere) to the clipboard, and says so.
 * The Clipboard API exists only in secure contexts (https, localhost): elsewhere the button says
 * it could not copy, and the value beside it stays selectable.
 */
export function CopyButton({ value, label }: { value: string; label: string }) {
  const [said, setSaid] = useState<'Copied' | 'Copy failed' | null>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setSaid('Copied');
    } catch {
      setSaid('Copy failed');
    }
    setTimeout(() => setSaid(null), 2000);
  }
  return (
    <button
      type="button"
      onClick={copy}
      aria-label={`Copy ${label}`}
      title={`Copy ${label}`}
      className="shrink-0 rounded border border-border px-1.5 py-0.5 text-xs text-muted hover:bg-subtle hover:text-ink"
    >
      <span aria-live="polite">{said ?? 'Copy'}</span>
    </button>
  );
}
