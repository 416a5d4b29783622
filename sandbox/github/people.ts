import { randomBytes } from 'node:crypto';

/** A GitHub account: the numeric id is for life, the login can be renamed and taken by another. */
export interface Person {
  id: number;
  login: string;
}

export interface TeamState {
  id: number;
  org: string;
  slug: string;
  name: string;
  /** Member ids, in the order they joined. */
  members: Set<number>;
}

const teamKey = (org: string, slug: string) => `${org}/${slug}`.toLowerCase();

/** Logins nobody registered still get a stable id, in the range GitHub's ids live in. */
const hashedId = (login: string) =>
  [...login].reduce((hash, char) => (hash * 31 + char.charCodeAt(0)) >>> 0, 7) % 10_000_000;

/**
 * The emulator's accounts, organization teams and users' OAuth tokens: what the team-membership
 * endpoints answer from. Tests and the demo change it (someone joins or leaves a team, renames
 * their login) and the next request sees the change.
 */
export class People {
  private readonly byId = new Map<number, Person>();
  private readonly teams = new Map<string, TeamState>();
  private readonly tokens = new Map<string, number>();
  private nextTeamId = 1_000;

  /** Registers an account (a login already registered keeps its id). */
  add(login: string, id = hashedId(login)): Person {
    const known = this.byLogin(login);
    if (known) return known;
    const person = { id, login };
    this.byId.set(id, person);
    return person;
  }

  byLogin(login: string): Person | undefined {
    const wanted = login.toLowerCase();
    return [...this.byId.values()].find((person) => person.login.toLowerCase() === wanted);
  }

  /** The id of a login: a registered account's, else a stable one derived from the login. */
  idOf(login: string): number {
    return this.byLogin(login)?.id ?? hashedId(login);
  }

  /** Renames an account; its old login is free for someone else to register. */
  rename(login: string, newLogin: string): Person {
    const person = this.byLogin(login);
    if (!person) throw new Error(`The GitHub sandbox has no account ${login}`);
    person.login = newLogin;
    return person;
  }

  team(org: string, slug: string): TeamState | undefined {
    return this.teams.get(teamKey(org, slug));
  }

  addTeam(org: string, slug: string): TeamState {
    const key = teamKey(org, slug);
    const team = this.teams.get(key) ?? {
      id: this.nextTeamId++,
      org,
      slug: slug.toLowerCase(),
      name: slug,
      members: new Set<number>(),
    };
    this.teams.set(key, team);
    return team;
  }

  /** Puts an account (registered on the way if new) into a team, created if new. */
  join(org: string, slug: string, login: string): void {
    this.addTeam(org, slug).members.add(this.add(login).id);
  }

  leave(org: string, slug: string, login: string): void {
    const person = this.byLogin(login);
    if (person) this.team(org, slug)?.members.delete(person.id);
  }

  members(team: TeamState): Person[] {
    return [...team.members].flatMap((id) => this.byId.get(id) ?? []);
  }

  teamsOf(id: number): TeamState[] {
    return [...this.teams.values()].filter((team) => team.members.has(id));
  }

  /** An OAuth token that acts as the account, as sign-in gets one (for `GET /user/teams`). */
  tokenFor(login: string): string {
    const token = `gho_sandbox_${randomBytes(12).toString('hex')}`;
    this.tokens.set(token, this.add(login).id);
    return token;
  }

  ownerOfToken(token: string): Person | undefined {
    const id = this.tokens.get(token);
    return id === undefined ? undefined : this.byId.get(id);
  }
}
