/**
 * Which pull requests get a preview of their own. envboard keys a preview's database branch,
 * its DATABASE_URL and its deletion on the head branch's name, so it only does so where that
 * name is one of the repository's own branches and no other environment's.
 */

export type PreviewExclusion =
  { reason: 'fork' } | { reason: 'environment_branch'; environmentName: string };

export interface PreviewCandidate {
  fromFork: boolean;
  headBranch: string;
}

/**
 * Null when the pull request may have a preview. `environmentOnBranch` is the name of the active
 * long-lived environment (production, staging, development…) that builds its head branch, if one
 * does: a `develop` → `main` pull request must never reset or delete Development's branch.
 */
export function previewExclusion(
  pullRequest: PreviewCandidate,
  environmentOnBranch: string | null | undefined,
): PreviewExclusion | null {
  if (pullRequest.fromFork) return { reason: 'fork' };
  if (environmentOnBranch)
    return { reason: 'environment_branch', environmentName: environmentOnBranch };
  return null;
}

/** previewExclusion for an environment read with its pull request; null for a long-lived one. */
export function environmentExclusion(environment: {
  kind: string;
  gitBranch: string;
  pullRequest: { fromFork: boolean } | null;
  environmentOnBranch: string | null;
}): PreviewExclusion | null {
  if (environment.kind !== 'preview') return null;
  return previewExclusion(
    { fromFork: environment.pullRequest?.fromFork ?? false, headBranch: environment.gitBranch },
    environment.environmentOnBranch,
  );
}

/** What keeps the preview unprovisioned, in a few words: "fork", "Development's branch". */
export function exclusionReason(exclusion: PreviewExclusion): string {
  return exclusion.reason === 'fork' ? 'fork' : `${exclusion.environmentName}'s branch`;
}

/** The short label the board shows in place of the database, e.g. "not provisioned: fork". */
export function exclusionLabel(exclusion: PreviewExclusion): string {
  return `not provisioned: ${exclusionReason(exclusion)}`;
}

/** The sentence a refused provision, reseed or delete gives, e.g. subject "PR #12". */
export function exclusionSentence(
  subject: string,
  headBranch: string,
  exclusion: PreviewExclusion,
): string {
  return exclusion.reason === 'fork'
    ? `${subject} comes from a fork: envboard gives it no preview database, no DATABASE_URL and no delete.`
    : `${subject} is from ${headBranch}, ${exclusion.environmentName}'s branch: envboard never provisions or deletes it as a preview.`;
}
