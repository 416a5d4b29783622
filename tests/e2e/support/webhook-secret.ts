/** The E2E server's GitHub webhook secret (serve.ts sets it), so specs can send signed deliveries. */
export const E2E_GITHUB_WEBHOOK_SECRET = 'e2e-github-webhook-secret';
