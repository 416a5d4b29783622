import { test as base, expect } from '@playwright/test';
import { watchCspViolations } from './csp';
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

interface Watches {
  /**
   * The Content-Security-Policy violations the test's pages logged. Every test fails when one
   * is left at its end; a test that causes one on purpose empties it.
   */
  cspViolations: string[];
}

export const test = base.extend<Pages & Watches>({
  cspViolations: [
    async ({ context }, use) => {
      const violations = watchCspViolations(context);
      await use(violations);
      expect(violations, 'pages logged Content-Security-Policy violations').toEqual([]);
    },
    { auto: true },
  ],
  shell: async ({ page }, use) => {
    await use(new BoardShell(page));
  },
  signIn: async ({ page }, use) => {
    await use(new SignInPage(page));
  },
});

export { expect };
