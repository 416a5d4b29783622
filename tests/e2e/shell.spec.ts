import { expect, test } from './support/fixtures';

const AREAS = [
  ['Overview', '/'],
  ['Environments', '/environments'],
  ['Previews', '/previews'],
  ['Deployments', '/deployments'],
  ['Tests', '/tests'],
  ['CI', '/ci'],
  ['Costs', '/costs'],
  ['Uptime', '/uptime'],
  ['DORA', '/dora'],
  ['Audit', '/audit'],
] as const;

test('the main navigation links every area of the board', async ({ shell }) => {
  await shell.goto('/');
  await expect(shell.nav.getByRole('link')).toHaveCount(AREAS.length);
  for (const [label, href] of AREAS) {
    await expect(shell.navLink(label)).toHaveAttribute('href', href);
  }
  await expect(shell.navLink('Overview')).toHaveAttribute('aria-current', 'page');
});

test('following a navigation link opens that area and marks it current', async ({ shell }) => {
  await shell.goto('/');
  await shell.navLink('Deployments').click();
  await expect(shell.page).toHaveURL(/\/deployments$/);
  await expect(shell.navLink('Deployments')).toHaveAttribute('aria-current', 'page');
  await expect(shell.navLink('Overview')).not.toHaveAttribute('aria-current', 'page');
});
