import type { SandboxDeployment } from './store';

/**
 * The `payload` of a deployment event, with the fields Vercel documents for it
 * (https://vercel.com/docs/webhooks/webhooks-api).
 */
export function deploymentPayload(deployment: SandboxDeployment): Record<string, unknown> {
  return {
    team: { id: null },
    user: { id: 'sandbox-user' },
    deployment: {
      id: deployment.id,
      meta: deployment.meta,
      url: deployment.url,
      name: deployment.name,
    },
    links: { deployment: `https://vercel.com/${deployment.name}/${deployment.id}`, project: '' },
    target: deployment.target,
    project: { id: deployment.projectId },
    plan: 'pro',
    regions: ['iad1'],
  };
}
