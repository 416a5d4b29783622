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

test.describe('signed in as a release manager', () => {
  test.use({ storageState: storageStateFor('release_manager') });

  test('the sidebar shows who is signed in and their role', async ({ shell }) => {
    await shell.goto('/');
    await expect(shell.userMenu).toContainText(demoPersonWith('release_manager').name);
    await expect(shell.userMenu).toContainText('Release manager');
  });
});
