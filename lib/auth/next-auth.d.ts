import 'next-auth';
import 'next-auth/jwt';

// The session carries the GitHub numeric user id (who the person is, whatever their login is
// today) and the login for display; the role is read fresh from memberships on every request
// (lib/auth/actor.ts), so a changed role never waits for the cookie to expire.
declare module 'next-auth' {
  interface User {
    githubId: number;
    login: string;
  }
  interface Session {
    user: { login: string; name?: string | null; image?: string | null };
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    githubId?: number;
    login?: string;
  }
}
