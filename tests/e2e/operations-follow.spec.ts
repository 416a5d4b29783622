import { expect, test } from './support/fixtures';
import { demoPersonWith, storageStateFor } from './support/auth';
import { OperationsPanel } from './support/pages/operations-panel';

test.use({ storageState: storageStateFor('developer') });

/**
 * An operation's progress shows in every tab that views its environment: a developer reseeds a
 * preview from the previews list in one tab while a second tab of the same browser shows that
 * preview's page; the second tab follows the reseed to its end without touching anything.
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

  const starting = new OperationsPanel(page);
  await starting.open('Reseed database', row);
  await starting.confirm('Reset and reseed');
  await starting.expectToast(/Reseed #\d+ (succeeded|failed)/);

  // The second tab heard of it through its own polling, and tells how it ended.
  const toast = await watching.expectToast(/Reseed #\d+ succeeded/);
  const started = await starting.expectToast(/Reseed #\d+ succeeded/);
  expect(await toast.first().textContent()).toContain(
    (await started.first().textContent())!.match(/Reseed #\d+/)![0],
  );
  await watcher.close();
});
