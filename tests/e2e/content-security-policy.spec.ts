import { SIGNED_OUT } from './support/auth';
import { expect, test } from './support/fixtures';

const nonceOf = (policy: string | undefined) => /'nonce-([^']+)'/.exec(policy ?? '')?.[1];

test.describe('signed out', () => {
  test.use({ storageState: SIGNED_OUT });

  test('the sign-in page carries a nonce policy of its own, and its scripts run', async ({
    page,
    signIn,
  }) => {
    const first = await page.goto('/signin');
    const policy = first!.headers()['content-security-policy'];
    // Exactly this for scripts: no 'unsafe-inline', no 'unsafe-eval' in a build.
    expect(policy).toMatch(/(^|; )script-src 'self' 'nonce-[^']+' 'strict-dynamic'(;|$)/);
    const again = await page.reload();
    expect(nonceOf(again!.headers()['content-security-policy'])).not.toBe(nonceOf(policy));
    // Hydrated: the demo buttons are enabled only once React runs in the page.
    await expect(signIn.demoTeam.getByRole('button').first()).toBeEnabled();
  });
});

test('script injected into a page as HTML is refused, and the suite sees the violation', async ({
  page,
  cspViolations,
}) => {
  const response = await page.goto('/');
  expect(nonceOf(response?.headers()['content-security-policy'])).toBeTruthy();
  // What an XSS hole would let in: markup with an event handler, which no nonce can cover.
  await page.evaluate(() => {
    document.body.insertAdjacentHTML(
      'beforeend',
      '<button id="xss-probe" onclick="window.injected = true">x</button>',
    );
    document.getElementById('xss-probe')!.click();
  });
  await expect.poll(() => cspViolations.length).toBeGreaterThan(0);
  expect(cspViolations.join('\n')).toMatch(/inline event handler/);
  expect(await page.evaluate(() => 'injected' in window)).toBe(false);
  // Caused on purpose: the fixture checks the rest of the suite has none.
  cspViolations.length = 0;
});
