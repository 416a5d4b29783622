import { expect, test } from './support/fixtures';
import { demoPersonWith, storageStateFor } from './support/auth';
import { OperationsPanel } from './support/pages/operations-panel';

test.use({ storageState: storageStateFor('developer') });

/**
 * An operation's progress shows in every tab that views its environment: a developer reseeds a
 * preview from its page in one tab while a second tab of the same browser shows that page too;
 * the second tab follows the reseed to its end without touching anything.
 */
test('a second tab on the environment follows an operation started in the first', async ({
  page,
  context,
}) => {
  test.setTimeout(300_000);
  const me = demoPersonWith('developer');
  // Not the developer's own previews: operations-preview.spec.ts deletes one of those.
  await page.goto('/previews');
  const row = page
    .getByTestId('previews-table')
    .locator('tbody tr')
    .filter({ has: page.getByRole('button', { name: 'Reseed database' }) })
    .filter({ hasNotText: me.login })
    .last();
  const slug = (await row.getByRole('link', { name: /^pr-/ }).first().textContent())!.trim();

  const watcher = await context.newPage();
  const watching = new OperationsPanel(watcher);
  await watcher.goto(`/environments/${slug}`);
  await expect(watcher.getByTestId('now-serving')).toBeVisible();
  await expect(watching.progress).toBeHidden();

  // The first tab starts it from the same page, which follows this environment alone: its toasts
  // are about this preview only, while other specs run operations on others in parallel.
  const starting = new OperationsPanel(page);
  await page.goto(`/environments/${slug}`);
  await starting.open('Reseed database');
  await starting.confirm('Reset and reseed');
  // The second tab must tell the end of the reseed this tab announced, named by its preview.
  const announcement = `Reseed of PR #${slug.replace('pr-', '')} succeeded`;
  const started = starting.toasts.filter({ hasText: announcement });
  await expect(started.first()).toBeVisible();
  const heard = watching.toasts.filter({ hasText: announcement });
  await expect(heard.first()).toBeVisible();
  await watcher.close();
});
