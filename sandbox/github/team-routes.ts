import { json, type Router } from '../http/server';
import { notFound, paginate } from './protocol';
import type { World } from './world';

type On = Router['on'];

/**
 * Team membership, as envboard reads it to give and take back team-mapped roles: the members of
 * an organization's team (with the app's token), and the teams of the user a sign-in token acts
 * as. https://docs.github.com/en/rest/teams/members, https://docs.github.com/en/rest/teams/teams
 */
export function teamRoutes(world: World, on: On, apiUrl: () => string): void {
  on('GET', '/orgs/:org/teams/:team_slug/members', (request) => {
    const team = world.people.team(request.params.org ?? '', request.params.team_slug ?? '');
    if (!team) return notFound();
    const page = paginate(request, apiUrl(), world.people.members(team));
    return json(
      200,
      page.items.map((person) => world.wire.user(person.login)),
      page.headers,
    );
  });

  on('GET', '/user/teams', (request) => {
    const token = (request.headers.authorization ?? '').replace(/^(bearer|token)\s+/i, '');
    // The app's own token acts as no user, so it is in no team.
    const person = world.people.ownerOfToken(token);
    const teams = person ? world.people.teamsOf(person.id) : [];
    const page = paginate(request, apiUrl(), teams);
    return json(
      200,
      page.items.map((team) => world.wire.team(team)),
      page.headers,
    );
  });
}
