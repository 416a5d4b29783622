import type { TestSuite } from '@/lib/domain/test-runs';
import type { Random } from './random';

/** What vitest and Playwright print when an assertion fails, with this run's own values. */
export function assertionMessage(random: Random, suite: TestSuite): string {
  const cents = random.int(800, 25_000);
  const off = random.pick([1, 5, 25, 100, 250]);
  const money = (value: number) => (value / 100).toFixed(2);
  const messages: Record<TestSuite, readonly (() => string)[]> = {
    unit: [
      () => `AssertionError: expected ${cents - off} to be ${cents} // Object.is equality`,
      () =>
        `AssertionError: expected '€${money(cents).replace('.', ',')}' to be '€${money(cents)}' // Object.is equality`,
      () =>
        `TypeError: Cannot read properties of undefined (reading '${random.pick(['currency', 'variantId', 'lines', 'taxRate'])}')`,
      () => "AssertionError: expected [ 'EUR', 'USD' ] to deeply equal [ 'EUR', 'GBP', 'USD' ]",
    ],
    integration: [
      () =>
        `AssertionError: expected ${random.pick([409, 500, 422])} to be ${random.pick([200, 201])} // Object.is equality`,
      () => 'error: duplicate key value violates unique constraint "orders_cart_id_key"',
      () => 'AssertionError: expected undefined to be defined',
    ],
    e2e: [
      () =>
        `Error: expect(locator).toHaveText(expected) failed\n\nLocator: getByTestId('cart-total')\nExpected: "$${money(cents)}"\nReceived: "$${money(cents - off)}"\nTimeout: 5000ms`,
      () =>
        'Error: expect(page).toHaveURL(expected) failed\n\nExpected pattern: /\\/orders\\/\\d+/\nReceived string: "/checkout?error=payment"\nTimeout: 5000ms',
      () =>
        "Error: expect(locator).toBeVisible() failed\n\nLocator: getByRole('button', { name: 'Pay now' })\nExpected: visible\nReceived: hidden\nTimeout: 5000ms",
    ],
  };
  return random.pick(messages[suite])();
}
