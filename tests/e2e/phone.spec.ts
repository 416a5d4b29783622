import type { APIRequestContext, Page } from '@playwright/test';
import { SIGNED_OUT, storageStateFor } from './support/auth';
import { expect, test } from './support/fixtures';
import { isDynamicRoute, pageRoutes } from './support/page-routes';
import { sendGitHubWebhook, unstorablePullRequest } from './support/webhooks';

/**
 * The board on a phone (the "phone" project in playwright.config.ts: 390 × 844, touch): every
 * page fits the screen's width, the navigation opens from a menu button, wide tables scroll in
 * their own box. Signed in as an admin, who may open every page.
 */
test.use({ storageState: storageStateFor('admin') });

/** The list page whose links lead to each page with an id in its path. */
const LINKED_FROM: Record<string, string> = {
  '/deliveries/[id]': '/deliveries',
  '/environments/[slug]': '/environments',
  '/tests/runs/[id]': '/tests',
  '/runbooks/[name]': '/costs',
};
/**
 * What a page needs that the E2E demo does not hold: it sends no webhooks, so one is sent, one
 * that fails to apply, whose page carries the most (the error and the whole payload).
 */
const PREPARE: Record<string, (request: APIRequestContext) => Promise<unknown>> = {
  '/deliveries/[id]': (request) =>
    sendGitHubWebhook(request, 'pull_request', unstorablePullRequest()),
};
/** Pages outside the board's frame, visited signed out. */
const SIGNED_OUT_ROUTES = ['/signin'];
/** Detail pages visited per pattern: production, staging and a preview look different. */
const DETAILS_PER_ROUTE = 3;

const routes = pageRoutes();

/**
 * Waits for the page and its lazily loaded charts, then reads how wide the document is. A phone
 * zooms out to fit a page wider than its screen (window.innerWidth grows with it), so the
 * width is compared with the screen's, the viewport Playwright was given.
 */
async function expectNoSidewaysScroll(page: Page, path: string) {
  const response = await page.goto(path, { waitUntil: 'networkidle' });
  expect(response?.status(), `${path} answered ${response?.status()}`).toBeLessThan(400);
  const screen = page.viewportSize()!.width;
  const { width, overflowing } = await page.evaluate((screen) => {
    // Named in the failure message: the outermost elements past the screen's right edge that
    // no scrolling box of their own clips.
    const clipped = (element: Element) => {
      for (let box = element.parentElement; box && box !== document.body; box = box.parentElement) {
        if (getComputedStyle(box).overflowX !== 'visible') return true;
      }
      return false;
    };
    const past = [...document.querySelectorAll('body *')].filter(
      (element) => element.getBoundingClientRect().right > screen + 0.5 && !clipped(element),
    );
    const overflowing = past
      .filter((element) => !past.includes(element.parentElement!))
      .slice(0, 5)
      .map((element) => `<${element.localName} class="${element.className}">`);
    return { width: document.documentElement.scrollWidth, overflowing };
  }, screen);
  expect(width, `${path} is ${width} px wide on a ${screen} px screen: ${overflowing}`).toBe(
    screen,
  );
}

test('every page of the app is on the list this spec visits', () => {
  expect(routes).toContain('/');
  for (const route of routes.filter(isDynamicRoute)) {
    expect(LINKED_FROM[route], `no list page links to ${route}`).toBeDefined();
  }
});

for (const route of routes.filter((route) => !isDynamicRoute(route))) {
  const signedOut = SIGNED_OUT_ROUTES.includes(route);
  test.describe(() => {
    if (signedOut) test.use({ storageState: SIGNED_OUT });
    test(`${route} has no sideways scroll`, async ({ page }) => {
      await expectNoSidewaysScroll(page, route);
    });
  });
}

for (const route of routes.filter(isDynamicRoute)) {
  test(`${route} has no sideways scroll`, async ({ page, request }) => {
    await PREPARE[route]?.(request);
    const list = LINKED_FROM[route]!;
    await page.goto(list);
    const prefix = route.slice(0, route.indexOf('['));
    const hrefs = await page
      .getByRole('main')
      .locator(`a[href^="${prefix}"]`)
      .evaluateAll((links, pattern) => {
        const paths = links.map((link) => new URL((link as HTMLAnchorElement).href).pathname);
        return [...new Set(paths.filter((path) => new RegExp(pattern).test(path)))];
      }, `^${prefix}[^/]+$`);
    expect(hrefs.length, `${list} links to no ${route} page`).toBeGreaterThan(0);
    for (const href of hrefs.slice(0, DETAILS_PER_ROUTE)) await expectNoSidewaysScroll(page, href);
  });
}

test('the overview fits a small tablet too, where the trends sit side by side', async ({
  page,
}) => {
  // At 768 px the trends' hidden value tables once stuck out past the screen's edge.
  await page.setViewportSize({ width: 768, height: 1024 });
  await expectNoSidewaysScroll(page, '/');
});

test('the navigation opens from the menu button and closes with Escape', async ({ shell }) => {
  await shell.goto('/');
  await expect(shell.nav).toBeHidden();
  await expect(shell.menuButton).toHaveAttribute('aria-expanded', 'false');

  await shell.menuButton.click();
  await expect(shell.menuButton).toHaveAttribute('aria-expanded', 'true');
  await expect(shell.navLink('Deployments')).toBeVisible();
  await expect(shell.userMenu).toBeVisible();

  await shell.navLink('Deployments').focus();
  await shell.page.keyboard.press('Escape');
  await expect(shell.nav).toBeHidden();
  await expect(shell.menuButton).toBeFocused();
  await expect(shell.menuButton).toHaveAttribute('aria-expanded', 'false');
});

test('following a link in the menu opens the page and closes the menu', async ({ shell }) => {
  await shell.goto('/');
  await shell.menuButton.click();
  await shell.navLink('Audit').click();
  await expect(shell.page).toHaveURL(/\/audit$/);
  await expect(shell.nav).toBeHidden();
  await shell.menuButton.click();
  await expect(shell.navLink('Audit')).toHaveAttribute('aria-current', 'page');
});

test('a wide table scrolls in its own box and keeps its first column in view', async ({ page }) => {
  await page.goto('/deployments');
  const table = page.getByRole('main').getByRole('table').first();
  const box = table.locator('xpath=..');
  const { scrollWidth, clientWidth } = await box.evaluate((element) => ({
    scrollWidth: element.scrollWidth,
    clientWidth: element.clientWidth,
  }));
  expect(scrollWidth, 'the table is no wider than the screen here').toBeGreaterThan(clientWidth);

  const firstCell = table.locator('tbody tr').first().locator('th, td').first();
  const lastCell = table.locator('tbody tr').first().locator('th, td').last();
  const before = (await firstCell.boundingBox())!;
  await box.evaluate((element) => element.scrollTo({ left: element.scrollWidth }));
  await expect(lastCell).toBeInViewport();
  expect((await firstCell.boundingBox())!.x).toBeCloseTo(before.x, 0);
});

test('a confirm dialog fits the screen', async ({ page }) => {
  await page.goto('/previews');
  // Opening the dialog changes nothing; only its confirm button would.
  await page.getByRole('button', { name: 'Delete preview' }).first().click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  const box = (await dialog.boundingBox())!;
  const screen = page.viewportSize()!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(screen.width);
  expect(box.y + box.height).toBeLessThanOrEqual(screen.height);
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeInViewport();
});
