import type { ReactNode } from 'react';
import { shortSha } from '@/lib/format';

export interface CommitRef {
  commitSha: string;
  commitMessage: string;
}

/** One deployment as a dialog names it: short commit and its message. */
export function CommitLabel({ commit }: { commit: CommitRef | null }) {
  if (!commit) return <span className="text-faint">nothing served yet</span>;
  return (
    <span className="min-w-0 text-ink">
      <code className="font-mono" title={commit.commitSha}>
        {shortSha(commit.commitSha)}
      </code>{' '}
      <span className="[overflow-wrap:anywhere]">{commit.commitMessage}</span>
    </span>
  );
}

/** "From → To" for a production change, as the dialog states it before anything happens. */
export function FromTo({ from, to }: { from: ReactNode; to: ReactNode }) {
  return (
    <dl
      className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 rounded-md bg-subtle px-3 py-2"
      data-testid="change-summary"
    >
      <dt className="font-medium text-muted">From</dt>
      <dd>{from}</dd>
      <dt className="font-medium text-muted">To</dt>
      <dd>{to}</dd>
    </dl>
  );
}

/** Says whether a promotion runs at once or waits for a second release manager. */
export function ApprovalNote({ required }: { required: boolean }) {
  return required ? (
    <p className="font-medium text-amber-800">
      Needs approval: the promotion waits until a second release manager approves it, then runs.
    </p>
  ) : (
    <p>This project does not require approval: the promotion runs as soon as you confirm.</p>
  );
}
