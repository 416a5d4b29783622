import { demoPersonWith, SIGNED_OUT, storageStateFor } from './support/auth';
import { expect, test } from './support/fixtures';

test.describe('signed out', () => {
  test.use({ storageState: SIGNED_OUT });

  test('a board page sends the visitor to sign in, and the API answers 401', async ({
    signIn,
    request,
  }) => {
    await signIn.page.goto('/deployments?state=error');
    await expect(signIn.page).toHaveURL(/\/signin\?callbackUrl=%2Fdeployments%3Fstate%3Derror$/);
    await expect(signIn.heading).toBeVisible();
    const response = await request.get('/api/v1/deployments');
    expect(response.status()).toBe(401);
    expect((await response.json()).error.code).toBe('unauthenticated');
  });

  test('the sign-in page lists the demo team with their roles', async ({ signIn }) => {
    await signIn.goto();
    await expect(signIn.demoTeam.getByRole('button')).toHaveCount(6);
    for (const role of ['Admin', 'Release manager', 'Developer', 'Viewer']) {
      await expect(signIn.demoTeam.getByText(role, { exact: true }).first()).toBeVisible();
    }
  });

  test('a viewer signs in, lands where they were going, sees their name and role, and signs out', async ({
    signIn,
    shell,
  }) => {
    const viewer = demoPersonWith('viewer');
    await signIn.page.goto('/previews');
    await signIn.signInAs(viewer.name);
    await expect(shell.page).toHaveURL(/\/previews$/);
    await expect(shell.userMenu).toContainText(viewer.name);
    await expect(shell.userMenu).toContainText('Viewer');

    await shell.userMenu.getByRole('button', { name: 'Sign out' }).click();
    await expect(signIn.heading).toBeVisible();
    await shell.goto('/');
    await expect(shell.page).toHaveURL(/\/signin\?callbackUrl=%2F$/);
  });
});

// Callback URLs that look like paths but lead off the site once a browser reads them.
const OFF_SITE = [
  '/\t/evil.com',
  '/\n/evil.com',
  '/\r\n/evil.com',
  '\t//evil.com',
  '/\\evil.com',
  '//evil.com',
  'https://evil.com',
  'javascript:alert(1)',
];

test.describe('the way back after signing in stays on the board', () => {
  test.use({ storageState: SIGNED_OUT });

  test('the demo button lands on the overview for an off-site callbackUrl', async ({
    signIn,
    page,
    baseURL,
  }) => {
    const viewer = demoPersonWith('viewer');
    const links = [
      // The link as an attacker writes it: "%09" reaches the page as a tab.
      '/signin?callbackUrl=/%09/evil.com',
      ...OFF_SITE.map((callbackUrl) => `/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`),
    ];
    for (const link of links) {
      await page.goto(link);
      await signIn.signInAs(viewer.name);
      await expect(page, link).toHaveURL(`${baseURL}/`);
      await page.context().clearCookies();
    }
  });

  test('next-auth sends an off-site callbackUrl back to the overview', async ({
    page,
    baseURL,
  }) => {
    for (const callbackUrl of OFF_SITE) {
      const { csrfToken } = (await (await page.request.get('/api/auth/csrf')).json()) as {
        csrfToken: string;
      };
      const response = await page.request.post('/api/auth/callback/demo', {
        form: { csrfToken, login: demoPersonWith('viewer').login, callbackUrl },
        maxRedirects: 0,
      });
      expect(response.headers().location, JSON.stringify(callbackUrl)).toBe(`${baseURL}/`);
    }
  });
});

test.describe('signed in, the sign-in page sends the visitor on', () => {
  test('to the page asked for on this site, else to the overview', async ({ page }) => {
    const answer = async (callbackUrl: string) => {
      const query = new URLSearchParams({ callbackUrl });
      const response = await page.request.get(`/signin?${query}`, { maxRedirects: 0 });
      expect(response.status(), JSON.stringify(callbackUrl)).toBe(307);
      return response.headers().location;
    };
    expect(await answer('/previews?tab=mine')).toBe('/previews?tab=mine');
    for (const callbackUrl of OFF_SITE) {
      expect(await answer(callbackUrl), JSON.stringify(callbackUrl)).toBe('/');
    }
  });
});

test.describe('signed in as a release manager', () => {
  test.use({ storageState: storageStateFor('release_manager') });

  test('the sidebar shows who is signed in and their role', async ({ shell }) => {
    await shell.goto('/');
    await expect(shell.userMenu).toContainText(demoPersonWith('release_manager').name);
    await expect(shell.userMenu).toContainText('Release manager');
  });
});
