import { z } from 'zod';
import { refuse, type Refusal } from './result';
import { rowIdSchema } from '@/lib/domain/row-id';

/** Inputs are parsed here too: these functions are the server's last line, not the form's. */

export const id = rowIdSchema;
export const reason = z
  .string()
  .trim()
  .min(1, 'a reason is required for a production change')
  .max(500, 'the reason must be at most 500 characters');
export const idempotencyKey = z.string().trim().min(1).max(200);

export function parseInput<T>(
  schema: z.ZodType<T>,
  input: unknown,
): { ok: true; data: T } | Refusal {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, data: parsed.data };
  const problems = parsed.error.issues.map((issue) =>
    issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message,
  );
  return refuse('invalid_input', `Invalid request: ${problems.join('; ')}.`);
}
