import { describe, expect, it } from 'vitest';
import { DEFAULT_SEED, generateDemoHistory } from '@/lib/demo';
import { demoTeam } from '@/lib/demo/team';

/** Who has an open pull request, with its preview live, in a demo started at `iso`. */
function openAuthors(iso: string): string[] {
  const history = generateDemoHistory({ now: new Date(iso), seed: DEFAULT_SEED });
  const live = new Set(
    history.environments
      .filter((environment) => environment.kind === 'preview' && environment.status === 'active')
      .map((environment) => environment.pullRequestNumber),
  );
  return history.pullRequests
    .filter((pullRequest) => pullRequest.state === 'open' && live.has(pullRequest.number))
    .map((pullRequest) => pullRequest.author)
    .sort();
}

// A demo started in the evening used to hand the developers' previews to other people, so a
// developer signing in found none of their own.
const starts = [
  '2026-12-06T20:30:00Z',
  '2026-12-06T22:50:00Z',
  '2026-12-07T03:10:00Z',
  '2026-12-12T09:00:00Z',
];
// Generated up front: four whole histories take longer than one test's time limit on a busy machine.
const authorsByStart = starts.map(openAuthors);

describe('the demo’s open pull requests', () => {
  it('belong to the same people whatever the time of day the demo starts', () => {
    const [first, ...rest] = authorsByStart;
    for (const authors of rest) expect(authors).toEqual(first);
  });

  it('give every developer of the demo team a live preview of their own', () => {
    const authors = new Set(authorsByStart[1]);
    const developers = demoTeam().filter((member) => member.role === 'developer');
    for (const developer of developers) expect(authors).toContain(developer.githubLogin);
  });
});
