import { ProviderError } from '../errors';
import { type PollPolicy, pollUntil } from '../poll';
import type { VercelClient } from './client';
import type { VercelProject } from './schemas';

/**
 * A promotion answered 202 is an alias job still running; the project's `lastAliasRequest`
 * reports its `jobStatus`
 * (https://vercel.com/docs/rest-api/reference/endpoints/projects/find-a-project-by-id-or-name).
 * Polled until this deployment's job is settled.
 */
export async function waitForAliasJob(
  client: Pick<VercelClient, 'getProject'>,
  projectId: string,
  deploymentId: string,
  sleep: (ms: number) => Promise<void>,
  policy: PollPolicy,
): Promise<VercelProject> {
  const outcome = await pollUntil(
    async () => {
      const project = await client.getProject(projectId);
      const job = project.lastAliasRequest;
      const ours = job?.toDeploymentId === deploymentId;
      return ours && !['pending', 'in-progress'].includes(job.jobStatus) ? project : undefined;
    },
    sleep,
    policy,
  );
  if (!outcome.done) {
    throw failure(`alias job for ${deploymentId} still running after ${outcome.waitedMs} ms`, true);
  }
  const status = outcome.value.lastAliasRequest?.jobStatus;
  if (status !== 'succeeded') throw failure(`alias job for ${deploymentId} ${status}`, false);
  return outcome.value;
}

function failure(message: string, retryable: boolean): ProviderError {
  return new ProviderError({
    provider: 'vercel',
    operation: 'waitForPromotion',
    message,
    retryable,
  });
}
