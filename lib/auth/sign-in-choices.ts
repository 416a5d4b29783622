import 'server-only';
import type { Database } from '@/db/client';
import { getCurrentProject } from '@/db/queries/project';
import { authConfigFromEnv } from './config';
import { listMembers, type Member } from './members';

export interface SignInChoices {
  github: boolean;
  /** The demo team to pick from, or null when demo sign-in is off. */
  demoMembers: Member[] | null;
  /** False on a database with no project yet: nobody has a role to sign in with. */
  hasProject: boolean;
}

/** What the sign-in page offers, from the same configuration the providers are built from. */
export async function signInChoices(db: Database): Promise<SignInChoices> {
  const config = authConfigFromEnv();
  const project = await getCurrentProject(db);
  return {
    github: config.github !== null,
    demoMembers: config.demoSignIn && project ? await listMembers(db, project.id) : null,
    hasProject: Boolean(project),
  };
}

/** next-auth's ?error= codes, as a sentence for the person signing in. */
export function signInErrorMessage(code: string | undefined): string | null {
  if (!code) return null;
  switch (code) {
    case 'AccessDenied':
      return 'Your GitHub account has no role on this board. Ask an admin to add you, or to map your GitHub team to a role.';
    case 'CredentialsSignin':
      return 'That person is not on the demo team.';
    case 'OAuthSignin':
    case 'OAuthCallback':
      return 'GitHub sign-in did not complete. Try again.';
    default:
      return 'Sign-in failed. Try again.';
  }
}
