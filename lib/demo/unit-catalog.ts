/**
 * The storefront's unit suite, as `[file, describe, tests]`. Parametrised tests are written the
 * way `it.each` names them, so the suite reads like a real vitest report.
 */
const each = (template: string, values: readonly string[]) =>
  values.map((value) => template.replace('%s', value));

const roles = ['customer', 'support', 'manager', 'admin'] as const;
const actions = ['view orders', 'refund orders', 'edit the catalog'] as const;
const allowed: Record<(typeof roles)[number], number> = {
  customer: 1,
  support: 1,
  manager: 2,
  admin: 3,
};
const permissionTests = roles.flatMap((role) =>
  actions.map((action, index) => `${role} ${index < allowed[role] ? 'can' : 'cannot'} ${action}`),
);

export const UNIT_FILES: readonly (readonly [string, string, readonly string[]])[] = [
  [
    'lib/pricing/money.test.ts',
    'formatMoney',
    [
      ...each('formats %s amounts', ['USD', 'EUR', 'GBP', 'JPY', 'CHF', 'SEK', 'PLN']),
      'rounds half-cent values to even',
      'keeps negative refunds signed',
      'rejects NaN and Infinity',
    ],
  ],
  [
    'lib/pricing/discounts.test.ts',
    'applyDiscount',
    [
      'takes a percentage off the subtotal',
      'takes a fixed amount off the subtotal',
      'never goes below zero',
      'stacks a promo code with a loyalty discount',
      'rejects an expired promo code',
      'rejects a code below the minimum order',
      'applies free-shipping codes to shipping only',
      'caps percentage discounts at the maximum',
      'rounds each line before summing',
    ],
  ],
  [
    'lib/cart/totals.test.ts',
    'cartTotals',
    [
      'sums line items',
      ...each('computes tax for %s', ['US-CA', 'US-NY', 'DE', 'FR', 'GB', 'NL']),
      'adds shipping after discounts',
      'returns zero for an empty cart',
      'ignores removed lines',
      'multiplies quantity by unit price',
    ],
  ],
  [
    'lib/cart/reducer.test.ts',
    'cartReducer',
    [
      'adds an item',
      'increments the quantity of an existing item',
      'removes an item',
      'clears the cart',
      'caps quantity at available stock',
      'keeps items in insertion order',
      'restores a saved cart',
      'merges a guest cart into the account cart',
    ],
  ],
  [
    'lib/catalog/variants.test.ts',
    'resolveVariant',
    [
      'picks the variant for a size and colour',
      'falls back to the default variant',
      'marks sold-out variants unavailable',
      'lists colours in catalog order',
      'builds the variant SKU',
      'hides discontinued variants',
      'prices a variant from its price list',
    ],
  ],
  [
    'lib/catalog/slug.test.ts',
    'slugify',
    [
      ...each('slugifies "%s"', [
        'Café Crème',
        'T-Shirt (Large)',
        '  spaces  ',
        'Ünïcödé',
        '100% Cotton',
        'multi---dash',
      ]),
      'keeps slugs under 80 characters',
      'appends a suffix on collision',
    ],
  ],
  [
    'lib/search/query-parser.test.ts',
    'parseQuery',
    [
      'parses plain words',
      'parses quoted phrases',
      ...each('parses the %s filter', ['price', 'brand', 'size', 'colour', 'in-stock']),
      'ignores unknown filters',
      'handles empty input',
      'lowercases terms',
      'strips punctuation',
    ],
  ],
  [
    'lib/search/ranking.test.ts',
    'rankResults',
    [
      'boosts exact title matches',
      'boosts in-stock products',
      'demotes discontinued products',
      'breaks ties by popularity',
      'tolerates one typo',
      'keeps pinned results first',
    ],
  ],
  [
    'lib/auth/session.test.ts',
    'session',
    [
      'creates a session token',
      'rejects an expired token',
      'refreshes a token near expiry',
      'rejects a tampered signature',
      'binds the session to the user agent',
      'revokes all sessions on password change',
      'keeps the role on the token',
    ],
  ],
  ['lib/auth/permissions.test.ts', 'can', permissionTests],
  [
    'lib/validation/address.test.ts',
    'validateAddress',
    [
      ...each('accepts a valid %s postcode', ['US', 'DE', 'GB', 'FR', 'NL', 'CA']),
      'rejects a missing street',
      'rejects a postcode for the wrong country',
      'trims whitespace',
      'normalizes country codes',
    ],
  ],
  [
    'lib/validation/email.test.ts',
    'validateEmail',
    [
      'accepts plus addressing',
      'rejects a missing domain',
      'rejects spaces',
      'lowercases the domain',
      'accepts internationalized domains',
    ],
  ],
  [
    'lib/orders/status.test.ts',
    'nextOrderStatus',
    [
      ...each('moves %s', [
        'pending to paid',
        'paid to packed',
        'packed to shipped',
        'shipped to delivered',
      ]),
      'refuses to ship an unpaid order',
      'cancels a pending order',
      'refunds a delivered order within 30 days',
      'refuses a refund after 30 days',
    ],
  ],
  [
    'lib/orders/invoice.test.ts',
    'buildInvoice',
    [
      'numbers invoices sequentially per year',
      'includes VAT per line',
      'shows the billing address',
      'applies reverse charge for EU businesses',
      'totals match the order',
      'formats dates in the customer locale',
    ],
  ],
  [
    'lib/shipping/rates.test.ts',
    'shippingRate',
    [
      ...each('quotes %s shipping', ['domestic', 'EU', 'UK', 'North America', 'rest-of-world']),
      'offers free shipping above the threshold',
      'adds a surcharge for bulky items',
      'picks the cheapest carrier',
      'respects carrier blackout days',
    ],
  ],
  [
    'lib/inventory/stock.test.ts',
    'reserveStock',
    [
      'reserves stock for a cart',
      'releases an expired reservation',
      'refuses to oversell',
      'restocks on cancellation',
      'counts reservations across warehouses',
      'handles concurrent reservations',
    ],
  ],
  [
    'lib/i18n/format.test.ts',
    'i18n',
    [
      ...each('formats dates for %s', ['en-US', 'en-GB', 'de-DE', 'fr-FR', 'nl-NL', 'ja-JP']),
      'picks plural forms',
      'falls back to English for missing keys',
      'interpolates variables',
    ],
  ],
  [
    'lib/analytics/events.test.ts',
    'trackEvent',
    [
      'batches events',
      'drops events without consent',
      'retries on network failure',
      'strips personal data',
      'adds the session id',
    ],
  ],
  [
    'lib/utils/retry.test.ts',
    'withRetry',
    [
      'retries up to three times',
      'backs off exponentially',
      'stops on a non-retryable error',
      'respects an abort signal',
    ],
  ],
  [
    'lib/utils/debounce.test.ts',
    'debounce',
    ['fires after the wait', 'resets on each call', 'flushes on demand', 'cancels a pending call'],
  ],
  [
    'lib/feature-flags/flags.test.ts',
    'isEnabled',
    [
      'enables a flag for a percentage of users',
      'keeps a user in the same bucket',
      'honours overrides',
      'defaults to off',
    ],
  ],
  [
    'components/cart-summary.test.tsx',
    'CartSummary',
    [
      'renders line items',
      'shows the discount row',
      'hides shipping for digital goods',
      'announces total changes to screen readers',
      'disables checkout for an empty cart',
    ],
  ],
  [
    'components/product-card.test.tsx',
    'ProductCard',
    [
      'shows the sale price',
      'shows a sold-out badge',
      'links to the product page',
      'lazy-loads the image',
    ],
  ],
  [
    'components/checkout-form.test.tsx',
    'CheckoutForm',
    [
      'validates required fields',
      'shows inline errors',
      'disables submit while paying',
      'remembers the last address',
      'supports keyboard navigation',
      'focuses the first invalid field',
    ],
  ],
  [
    'app/api/webhooks/stripe/verify.test.ts',
    'verifyStripeSignature',
    [
      'accepts a valid signature',
      'rejects a wrong secret',
      'rejects a stale timestamp',
      'compares in constant time',
    ],
  ],
  [
    'lib/emails/templates.test.ts',
    'emails',
    [
      ...each('renders the %s email', [
        'order confirmation',
        'shipping update',
        'password reset',
        'magic link',
        'refund issued',
        'abandoned cart',
      ]),
      'escapes user content',
    ],
  ],
  [
    'lib/db/pagination.test.ts',
    'cursor',
    [
      'encodes a cursor',
      'decodes a cursor',
      'rejects a malformed cursor',
      'orders by created_at then id',
    ],
  ],
  [
    'lib/pricing/price-lists.test.ts',
    'resolvePriceList',
    [
      ...each('resolves the %s price list', ['default', 'wholesale', 'EU', 'UK']),
      'prefers a customer-specific price',
      'ignores an expired price list',
      'converts currency with the daily rate',
    ],
  ],
  [
    'lib/auth/passkeys.test.ts',
    'passkeys',
    [
      'registers a passkey',
      'verifies an assertion',
      'rejects a replayed challenge',
      'lists passkeys per user',
    ],
  ],
];
