import { test as base } from '@playwright/test';
import { BoardShell } from './pages/board-shell';

/**
 * Page objects as fixtures: a spec asks for the screens it drives by name. Add one page object
 * per screen under ./pages and register it here.
 */
interface Pages {
  shell: BoardShell;
}

export const test = base.extend<Pages>({
  shell: async ({ page }, use) => {
    await use(new BoardShell(page));
  },
});

export { expect } from '@playwright/test';
