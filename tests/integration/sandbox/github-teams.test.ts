import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listGitHubTeams } from '@/lib/auth/github-teams';
import { ProviderError } from '@/lib/providers/errors';
import { createGitHubClient } from '@/lib/providers/github/client';
import { type GitHubSandbox, startGitHubSandbox } from '@/sandbox/github/emulator';

let sandbox: GitHubSandbox;

beforeAll(async () => {
  sandbox = await startGitHubSandbox({ repositories: ['acme/shop'], token: 'app-token' });
  for (let i = 1; i <= 130; i++) sandbox.people.join('acme', 'engineers', `dev-${i}`);
  sandbox.people.add('ana-ops', 5_120_331);
  sandbox.people.join('acme', 'ops', 'ana-ops');
});
afterAll(() => sandbox.close());

const github = () =>
  createGitHubClient({
    baseUrl: sandbox.baseUrl,
    token: 'app-token',
    owner: 'acme',
    repo: 'shop',
    retry: { msPerSecond: 1, spaceWrites: false },
    log: { warn: () => {}, error: () => {} },
  });

describe('team membership in the GitHub sandbox', () => {
  it('lists a team’s members with their numeric ids, across pages', async () => {
    const members = await github().listTeamMembers('acme', 'engineers');
    expect(members).toHaveLength(130);
    expect(new Set(members.map((member) => member.id)).size).toBe(130);
    expect(await github().listTeamMembers('acme', 'ops')).toEqual([
      { id: 5_120_331, login: 'ana-ops' },
    ]);
  });

  it('a member who leaves is gone at the next request; a rename keeps the id', async () => {
    sandbox.people.join('acme', 'release', 'rui');
    const { id } = sandbox.people.byLogin('rui')!;
    sandbox.people.rename('rui', 'rui-m');
    expect(await github().listTeamMembers('acme', 'release')).toEqual([{ id, login: 'rui-m' }]);
    sandbox.people.leave('acme', 'release', 'rui-m');
    expect(await github().listTeamMembers('acme', 'release')).toEqual([]);
  });

  it('an unknown team is a 404, not an empty team', async () => {
    const error = await github()
      .listTeamMembers('acme', 'no-such-team')
      .catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ProviderError);
    expect((error as ProviderError).status).toBe(404);
  });

  it('GET /user/teams answers the teams of the user a sign-in token acts as', async () => {
    const token = sandbox.people.tokenFor('ana-ops');
    expect(await listGitHubTeams(token, sandbox.baseUrl)).toEqual([{ org: 'acme', team: 'ops' }]);
    expect(await listGitHubTeams('app-token', sandbox.baseUrl)).toEqual([]);
    await expect(listGitHubTeams('forged-token', sandbox.baseUrl)).rejects.toThrow(
      /Bad credentials/,
    );
  });
});
