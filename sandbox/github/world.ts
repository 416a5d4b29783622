import type { People } from './people';
import type { Ids, RepoState, StatusState } from './state';
import type { Wire } from './wire';

/** What the routes and the state-changing methods share. */
export interface World {
  repos: Map<string, RepoState>;
  ids: Ids;
  now: () => Date;
  /** Set once the server listens and its port is known. */
  wire: Wire;
  /** Accounts, organization teams and users' sign-in tokens. */
  people: People;
  /** The login the token acts as: author of comments and statuses written through the API. */
  actor: string;
  onStatusCreated: (repo: RepoState, status: StatusState) => void;
}

export function repoOf(world: World, owner: string | undefined, name: string | undefined) {
  return world.repos.get(`${owner}/${name}`);
}
