import type { Locator, Page } from '@playwright/test';

/** The sign-in page: the demo team to pick from (GitHub is not configured in the E2E server). */
export class SignInPage {
  readonly heading: Locator;
  readonly demoTeam: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Sign in to envboard' });
    this.demoTeam = page.getByRole('list', { name: 'Demo team' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/signin');
  }

  /** Picks the demo person by name; the button names their role too. */
  async signInAs(name: string): Promise<void> {
    await this.demoTeam.getByRole('button', { name: new RegExp(`^Sign in as ${name},`) }).click();
  }
}
