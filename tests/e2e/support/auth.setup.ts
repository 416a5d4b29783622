import { expect, request, test as setup } from '@playwright/test';
import { ROLES } from '@/lib/domain/roles';
import { demoPersonWith, storageStateFor } from './auth';

/**
 * Signs in one demo person per role through next-auth's own endpoints (CSRF token, then the demo
 * Credentials callback), as the sign-in page does, and keeps each browser state for the specs.
 */
for (const role of ROLES) {
  setup(`sign in as the demo ${role}`, async ({ baseURL }) => {
    const context = await request.newContext({ baseURL });
    const { csrfToken } = (await (await context.get('/api/auth/csrf')).json()) as {
      csrfToken: string;
    };
    const response = await context.post('/api/auth/callback/demo', {
      form: { csrfToken, login: demoPersonWith(role).login, json: 'true' },
    });
    expect(response.ok(), `demo sign-in answered ${response.status()}`).toBe(true);
    const session = await (await context.get('/api/auth/session')).json();
    expect(session.user.login).toBe(demoPersonWith(role).login);
    await context.storageState({ path: storageStateFor(role) });
    await context.dispose();
  });
}
