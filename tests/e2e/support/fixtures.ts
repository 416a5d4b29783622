import { test as base } from '@playwright/test';
import { BoardShell } from './pages/board-shell';
import { SignInPage } from './pages/sign-in-page';

/**
 * Page objects as fixtures: a spec asks for the screens it drives by name. Add one page object
 * per screen under ./pages and register it here.
 */
interface Pages {
  shell: BoardShell;
  signIn: SignInPage;
}

export const test = base.extend<Pages>({
  shell: async ({ page }, use) => {
    await use(new BoardShell(page));
  },
  signIn: async ({ page }, use) => {
    await use(new SignInPage(page));
  },
});

export { expect } from '@playwright/test';
