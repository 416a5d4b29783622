import type { z } from 'zod';

/** `pull_request.head.sha: expected string, received undefined; …` — what failed and where. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}
