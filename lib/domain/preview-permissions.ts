import type { Actor } from './actor';
import { hasRole } from './roles';

/**
 * Who may act on which preview: a developer may reseed any preview but delete (or pin) only the
 * previews of their own pull requests (the pull request's author is their GitHub login); release managers
 * and admins may delete any. The delete operation decides with this, and its button follows it.
 */
export function mayDeletePreview(
  actor: Pick<Actor, 'role' | 'login'>,
  pullRequestAuthor: string | null | undefined,
): boolean {
  if (hasRole(actor.role, 'release_manager')) return true;
  if (!hasRole(actor.role, 'developer') || !pullRequestAuthor) return false;
  // GitHub logins are case-insensitive.
  return pullRequestAuthor.toLowerCase() === actor.login.toLowerCase();
}

/** The rule as a button's tooltip. */
export const PREVIEW_DELETE_BRIEF = 'Only its author, a release manager or an admin may delete it';

/** Why the actor may not delete it, as a sentence; undefined when they may. */
export function previewDeleteRefusal(
  actor: Pick<Actor, 'role' | 'login'>,
  pullRequest: { number: number; author: string } | null | undefined,
): string | undefined {
  return ownPreviewRefusal(actor, pullRequest, 'delete');
}

/**
 * Pinning follows the same rule as deleting: a developer pins or unpins the previews of their
 * own pull requests; release managers and admins any.
 */
export const PREVIEW_PIN_BRIEF = 'Only its author, a release manager or an admin may pin it';

export function previewPinRefusal(
  actor: Pick<Actor, 'role' | 'login'>,
  pullRequest: { number: number; author: string } | null | undefined,
): string | undefined {
  return ownPreviewRefusal(actor, pullRequest, 'pin or unpin');
}

function ownPreviewRefusal(
  actor: Pick<Actor, 'role' | 'login'>,
  pullRequest: { number: number; author: string } | null | undefined,
  verb: string,
): string | undefined {
  if (mayDeletePreview(actor, pullRequest?.author)) return undefined;
  const owner = pullRequest
    ? `the author of PR #${pullRequest.number} (${pullRequest.author})`
    : 'its author';
  return `Only ${owner}, a release manager or an admin may ${verb} this preview`;
}
