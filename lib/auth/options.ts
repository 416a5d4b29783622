import 'server-only';
import type { AuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import GitHubProvider from 'next-auth/providers/github';
import { z } from 'zod';
import { getDatabase } from '@/db/client';
import { getCurrentProject } from '@/db/queries/project';
import { type AuthConfig, authConfigFromEnv, demoSignInAllowed } from './config';
import { admitGitHubUser } from './github-sign-in';
import { listGitHubTeams } from './github-teams';
import { findMembersByLogin } from './members';
import { DEMO_PROVIDER_ID, safeCallbackPath, SIGN_IN_PATH } from '@/lib/domain/auth-paths';

const demoCredentials = z.object({ login: z.string().trim().min(1) });

/**
 * Signs in as any member of the board's project by login, with no password. The session then
 * names the member's GitHub id, as a GitHub sign-in would; a login two members hold (one renamed
 * away, not yet signed in since) or a member without a recorded id is refused. Offered only when
 * demo sign-in is allowed, and authorize asks again from the live environment, so a provider
 * built before VERCEL_ENV=production (or by hand) still admits nobody there.
 */
function demoProvider() {
  return CredentialsProvider({
    id: DEMO_PROVIDER_ID,
    name: 'Demo team',
    credentials: { login: { label: 'GitHub login', type: 'text' } },
    async authorize(credentials) {
      if (!demoSignInAllowed()) return null;
      const parsed = demoCredentials.safeParse(credentials);
      if (!parsed.success) return null;
      const db = getDatabase();
      const project = await getCurrentProject(db);
      const members = project ? await findMembersByLogin(db, project.id, parsed.data.login) : [];
      const [member] = members;
      if (members.length !== 1 || !member || member.githubId === null) return null;
      return {
        id: String(member.userId),
        githubId: member.githubId,
        login: member.login,
        name: member.name,
        image: member.avatarUrl,
      };
    },
  });
}

function githubProvider(github: NonNullable<AuthConfig['github']>, teamMapping: boolean) {
  return GitHubProvider({
    clientId: github.clientId,
    clientSecret: github.clientSecret,
    // Reading a user's teams needs read:org; ask for it only when teams map to roles.
    authorization: {
      params: { scope: `read:user user:email${teamMapping ? ' read:org' : ''}` },
    },
    profile(profile) {
      return {
        id: String(profile.id),
        githubId: profile.id,
        login: profile.login,
        name: profile.name ?? profile.login,
        email: profile.email,
        image: profile.avatar_url,
      };
    },
  });
}

export function buildAuthOptions(config: AuthConfig): AuthOptions {
  return {
    secret: config.secret,
    session: { strategy: 'jwt' },
    pages: { signIn: SIGN_IN_PATH, error: SIGN_IN_PATH },
    providers: [
      ...(config.github ? [githubProvider(config.github, config.teamRoles.length > 0)] : []),
      ...(config.demoSignIn ? [demoProvider()] : []),
    ],
    callbacks: {
      async signIn({ user, account }) {
        if (account?.provider !== 'github') return true;
        const accessToken = account.access_token ?? '';
        return admitGitHubUser(
          getDatabase(),
          {
            githubId: user.githubId,
            login: user.login,
            name: user.name,
            email: user.email,
            avatarUrl: user.image,
          },
          config.teamRoles,
          () => listGitHubTeams(accessToken),
        );
      },
      jwt({ token, user }) {
        if (user) {
          token.githubId = user.githubId;
          token.login = user.login;
        }
        return token;
      },
      session({ session, token }) {
        return { ...session, user: { ...session.user, login: token.login ?? '' } };
      },
      // next-auth's own callbackUrl (the sign-in POST, the OAuth return) follows the same rule as
      // the sign-in page: a path on this site, else the overview.
      redirect({ url, baseUrl }) {
        return `${baseUrl}${safeCallbackPath(url, baseUrl)}`;
      },
    },
  };
}

/** Options from the environment, read per request so a build needs no secrets. */
export function authOptionsFromEnv(): AuthOptions {
  return buildAuthOptions(authConfigFromEnv());
}
