import { describe, expect, it } from 'vitest';
import { checkGitHubSignature } from '@/lib/webhooks/github-signature';

// The test vector from GitHub's docs (validating-webhook-deliveries).
const SECRET = "It's a Secret to Everybody";
const BODY = 'Hello, World!';
const SIGNATURE = 'sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17';

describe('checkGitHubSignature', () => {
  it('accepts the signature from GitHub’s documented test vector', async () => {
    expect(await checkGitHubSignature(SECRET, BODY, SIGNATURE)).toBe('valid');
  });

  it('reports a missing header as missing', async () => {
    expect(await checkGitHubSignature(SECRET, BODY, undefined)).toBe('missing');
    expect(await checkGitHubSignature(SECRET, BODY, null)).toBe('missing');
    expect(await checkGitHubSignature(SECRET, BODY, '')).toBe('missing');
  });

  it('rejects a wrong signature of the right shape', async () => {
    const wrong = SIGNATURE.replace(/.$/, '0');
    expect(await checkGitHubSignature(SECRET, BODY, wrong)).toBe('invalid');
  });

  it('rejects a signature made with another secret', async () => {
    expect(await checkGitHubSignature('another secret', BODY, SIGNATURE)).toBe('invalid');
  });

  it('rejects a tampered body', async () => {
    expect(await checkGitHubSignature(SECRET, 'Hello, World?', SIGNATURE)).toBe('invalid');
    expect(await checkGitHubSignature(SECRET, `${BODY} `, SIGNATURE)).toBe('invalid');
  });

  it('rejects malformed headers: the legacy sha1 form, no prefix, and an empty body', async () => {
    expect(await checkGitHubSignature(SECRET, BODY, 'sha1=abc')).toBe('invalid');
    expect(await checkGitHubSignature(SECRET, BODY, SIGNATURE.slice(7))).toBe('invalid');
    expect(await checkGitHubSignature(SECRET, '', SIGNATURE)).toBe('invalid');
  });

  it('refuses to run with no secret configured', async () => {
    await expect(checkGitHubSignature('', BODY, SIGNATURE)).rejects.toThrow(
      /GITHUB_WEBHOOK_SECRET/,
    );
  });
});
