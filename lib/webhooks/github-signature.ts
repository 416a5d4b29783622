import { Webhooks } from '@octokit/webhooks';

type GitHubSignatureCheck = 'valid' | 'missing' | 'invalid';

// One verifier per secret: building Octokit's Webhooks (its event handler, its key) on every
// delivery is a measurable share of a delivery's CPU.
const verifiers = new Map<string, Webhooks>();

function verifierFor(secret: string): Webhooks {
  let verifier = verifiers.get(secret);
  if (!verifier) {
    verifier = new Webhooks({ secret });
    verifiers.set(secret, verifier);
  }
  return verifier;
}

/**
 * Checks `X-Hub-Signature-256` (`sha256=<hex HMAC>`) over the raw body exactly as received —
 * re-serializing parsed JSON would change the bytes. Octokit compares in constant time.
 * https://docs.github.com/en/webhooks/using-webhooks/validating-webhook-deliveries
 */
export async function checkGitHubSignature(
  secret: string,
  rawBody: string,
  signatureHeader: string | null | undefined,
): Promise<GitHubSignatureCheck> {
  if (!secret) throw new Error('The GitHub webhook secret is empty: set GITHUB_WEBHOOK_SECRET.');
  if (!signatureHeader) return 'missing';
  // Octokit's verify throws on an empty payload; GitHub never signs one, so it cannot be valid.
  if (rawBody.length === 0) return 'invalid';
  const valid = await verifierFor(secret).verify(rawBody, signatureHeader);
  return valid ? 'valid' : 'invalid';
}
