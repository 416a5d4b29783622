import 'next-auth';
import 'next-auth/jwt';

// The session carries only the GitHub login; the role is read fresh from memberships on every
// request (lib/auth/actor.ts), so a changed role never waits for the cookie to expire.
declare module 'next-auth' {
  interface User {
    login: string;
  }
  interface Session {
    user: { login: string; name?: string | null; image?: string | null };
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    login?: string;
  }
}
