import {
  type Browser,
  type BrowserContext,
  expect,
  type Locator,
  type Page,
} from '@playwright/test';

/**
 * The operation buttons, their confirm dialogs, the live progress panel and the outcome toasts,
 * on whichever page shows them.
 */
export class OperationsPanel {
  readonly dialog: Locator;
  readonly toasts: Locator;
  readonly progress: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog');
    this.toasts = page.getByTestId('toast');
    this.progress = page.getByRole('region', { name: 'Operations in progress' });
  }

  /** Every operation button on the page, enabled or not. */
  buttons(): Locator {
    return this.page.getByRole('button', {
      name: /^(Promote|Promote to production…|Roll back…|Roll back to this|Reseed database|Delete preview|Approve|Reject)$/,
    });
  }

  /** Opens the confirm dialog behind the first enabled button called `name` in `scope`. */
  async open(name: string, scope: Locator | Page = this.page): Promise<Locator> {
    const button = scope
      .getByRole('button', { name, exact: true })
      .and(scope.locator(':not([aria-disabled="true"])'))
      .first();
    await expect(button, `an enabled "${name}" button`).toBeVisible();
    // A click before React has hydrated the button does nothing: click until the dialog opens.
    await expect(async () => {
      if (!(await this.dialog.isVisible())) await button.click();
      await expect(this.dialog).toBeVisible({ timeout: 2_000 });
    }).toPass();
    return this.dialog;
  }

  async confirm(submit: string, reason?: string): Promise<void> {
    if (reason !== undefined) await this.dialog.getByLabel(/^Reason/).fill(reason);
    await this.dialog.getByRole('button', { name: submit }).click();
    await expect(this.dialog).toBeHidden();
  }

  /** Waits for the toast that tells how an operation ended (or that it waits). */
  async expectToast(text: string | RegExp): Promise<Locator> {
    const toast = this.toasts.filter({ hasText: text });
    await expect(toast).toBeVisible();
    return toast;
  }
}

/**
 * A browser context signed in as the demo person `login`, through next-auth's own endpoints, as
 * auth.setup.ts signs in the one person per role (for a second person of the same role).
 */
export async function signedInContext(
  browser: Browser,
  baseURL: string,
  login: string,
): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL });
  const { csrfToken } = (await (await context.request.get('/api/auth/csrf')).json()) as {
    csrfToken: string;
  };
  const response = await context.request.post('/api/auth/callback/demo', {
    form: { csrfToken, login, json: 'true' },
  });
  expect(response.ok(), `demo sign-in answered ${response.status()}`).toBe(true);
  return context;
}
