import 'server-only';
import { randomUUID } from 'node:crypto';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { rowIdSchema } from '@/lib/domain/row-id';
import { ActionFailure } from '@/lib/auth/guard';
import type { OperationResult } from './result';

/**
 * What the operation server actions share: their input fields, the request key and the pages
 * an operation changes.
 */

export const reasonField = z
  .string()
  .trim()
  .min(1, 'a reason is required for a production change')
  .max(500, 'the reason must be at most 500 characters');

export const idField = rowIdSchema;

/** One per open dialog, sent by the browser so a double submit runs the operation once. */
export const requestKeyField = z.string().trim().min(1).max(100).optional();

/** A checkbox from a form ("on") or a boolean from a client call; absent is false. */
export const checkboxField = z
  .union([z.boolean(), z.enum(['on', 'true', 'false'])])
  .optional()
  .transform((value) => value === true || value === 'on' || value === 'true');

/**
 * The idempotency key for the engine: the browser's (or API caller's) request key scoped to the
 * signed-in user or the API token, so nobody can pick up another's operation by sending its key.
 */
export function operationKey(
  kind: string,
  actor: { userId: number; tokenId?: number },
  requested: string | undefined,
): string {
  const who = actor.tokenId === undefined ? String(actor.userId) : `token-${actor.tokenId}`;
  return `${kind}:${who}:${requested ?? randomUUID()}`;
}

/** Every board page that shows environments, deployments, approvals or the audit log. */
export function revalidateOperationPages(): void {
  for (const path of ['/', '/environments', '/deployments', '/previews', '/audit']) {
    revalidatePath(path);
  }
  revalidatePath('/environments/[slug]', 'page');
}

/**
 * A pin or a freeze, written at once: its sentence for the form, the pages refreshed; a refusal
 * becomes an ActionFailure, which the form shows as it is.
 */
export function settledControl(result: OperationResult, done: string): { message: string } {
  if (!result.ok) throw new ActionFailure(result.code, result.message);
  revalidateOperationPages();
  return { message: done };
}
