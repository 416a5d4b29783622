import { describe, expect, test } from 'vitest';
import { grantFromTeams, parseTeamRoles } from '@/lib/auth/team-roles';

describe('parseTeamRoles', () => {
  test('reads org/team:role entries, lower-casing org and team', () => {
    expect(parseTeamRoles('Acme/Release:release_manager, acme/ops:admin')).toEqual([
      { org: 'acme', team: 'release', role: 'release_manager' },
      { org: 'acme', team: 'ops', role: 'admin' },
    ]);
  });

  test('unset, empty or stray commas mean no mapping', () => {
    expect(parseTeamRoles(undefined)).toEqual([]);
    expect(parseTeamRoles('  ')).toEqual([]);
    expect(parseTeamRoles('acme/ops:admin,')).toHaveLength(1);
  });

  test('an entry without a team names itself and the expected shape', () => {
    expect(() => parseTeamRoles('acme:admin')).toThrow(
      /GITHUB_TEAM_ROLES entry "acme:admin" is not valid: each entry is org\/team:role/,
    );
  });

  test('an unknown role names the roles there are', () => {
    expect(() => parseTeamRoles('acme/ops:owner')).toThrow(
      /"acme\/ops:owner".*viewer, developer, release_manager, admin/,
    );
  });
});

describe('grantFromTeams', () => {
  const mapping = parseTeamRoles(
    'acme/devs:developer,acme/release:release_manager,acme/ship:release_manager',
  );

  test('the strongest mapped role among the user’s teams, with the team that gives it', () => {
    const teams = [
      { org: 'acme', team: 'devs' },
      { org: 'ACME', team: 'Release' },
      { org: 'other', team: 'release' },
    ];
    expect(grantFromTeams(mapping, teams)).toEqual({
      role: 'release_manager',
      team: 'acme/release',
    });
  });

  test('among teams giving the same role, the first in the mapping names it', () => {
    const teams = [
      { org: 'acme', team: 'ship' },
      { org: 'acme', team: 'release' },
    ];
    expect(grantFromTeams(mapping, teams)?.team).toBe('acme/release');
  });

  test('no mapped team gives no role', () => {
    expect(grantFromTeams(mapping, [{ org: 'other', team: 'devs' }])).toBeUndefined();
  });
});
