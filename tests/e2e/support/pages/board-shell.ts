import type { Locator, Page } from '@playwright/test';

/** The frame around every board page: the main navigation and the content landmark. */
export class BoardShell {
  readonly nav: Locator;
  readonly main: Locator;
  /** Who is signed in, their role, and Sign out (the sidebar on wide screens). */
  readonly userMenu: Locator;
  /** Shows and hides the navigation on narrow screens. */
  readonly menuButton: Locator;

  constructor(readonly page: Page) {
    this.nav = page.getByRole('navigation', { name: 'Main' });
    this.menuButton = page.getByRole('button', { name: 'Menu', exact: true });
    this.main = page.getByRole('main');
    this.userMenu = page.getByTestId('user-menu');
  }

  async goto(path: string): Promise<void> {
    await this.page.goto(path);
  }

  navLink(label: string): Locator {
    return this.nav.getByRole('link', { name: label, exact: true });
  }
}
