import type { BrowserContext, ConsoleMessage } from '@playwright/test';

/**
 * Chromium reports every Content-Security-Policy violation on the console ("Refused to execute
 * inline script because it violates the following Content Security Policy directive: …").
 */
export function isCspViolation(message: Pick<ConsoleMessage, 'text'>): boolean {
  return /Content Security Policy/i.test(message.text());
}

/** Every violation any page of `context` reports from now on, as the console said it. */
export function watchCspViolations(context: BrowserContext): string[] {
  const violations: string[] = [];
  context.on('console', (message) => {
    if (isCspViolation(message))
      violations.push(`${message.page()?.url() ?? ''}: ${message.text()}`);
  });
  return violations;
}
