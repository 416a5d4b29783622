/**
 * The runbooks envboard serves at /runbooks/<name>, each a markdown file in docs/runbooks/ of the
 * same name, linked from the board where it applies.
 */
export const RUNBOOK_NAMES = [
  'deploy',
  'rollback',
  'incident',
  'cost-overrun',
  'preview-cleanup',
  'stuck-operation',
] as const;

export type RunbookName = (typeof RUNBOOK_NAMES)[number];

export const RUNBOOK_TITLE: Record<RunbookName, string> = {
  deploy: 'Deploy to production',
  rollback: 'Roll production back',
  incident: 'Incident',
  'cost-overrun': 'Cost overrun',
  'preview-cleanup': 'Preview cleanup',
  'stuck-operation': 'Stuck operation or failing sync',
};

export function isRunbookName(name: string): name is RunbookName {
  return (RUNBOOK_NAMES as readonly string[]).includes(name);
}

/** Where the board serves a runbook. */
export function runbookPath(name: RunbookName): string {
  return `/runbooks/${name}`;
}

/** A runbook as its page shows it: the markdown rendered to HTML with no raw HTML kept. */
export interface RenderedRunbook {
  name: RunbookName;
  html: string;
}
