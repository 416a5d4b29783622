import { randomUUID } from 'node:crypto';
import { ApiError } from '../api-error';

/** Project environment variables as Vercel keeps them (APIS.md A.3). */

export interface SandboxEnvVar {
  id: string;
  projectId: string;
  key: string;
  value: string;
  type: string;
  target: string[];
  gitBranch?: string;
}

export type EnvVarInput = Omit<SandboxEnvVar, 'id' | 'projectId'>;

/**
 * `POST …/env?upsert=true`: one variable per project, key and git branch; a second write
 * replaces the value. A gitBranch scope is only valid for preview.
 */
export function upsertEnvVar(
  envs: SandboxEnvVar[],
  projectId: string,
  input: EnvVarInput,
  emit: (type: string, payload: Record<string, unknown>) => void,
): SandboxEnvVar {
  if (input.gitBranch && (input.target.length !== 1 || input.target[0] !== 'preview')) {
    throw new ApiError(400, 'bad_request', 'gitBranch requires target to be exactly ["preview"]');
  }
  const existing = envs.find(
    (env) =>
      env.projectId === projectId && env.key === input.key && env.gitBranch === input.gitBranch,
  );
  if (existing) {
    Object.assign(existing, input);
    emit('project.env-variable.updated', { project: { id: projectId }, key: input.key });
    return existing;
  }
  const created = { ...input, id: randomUUID().replaceAll('-', '').slice(0, 16), projectId };
  envs.push(created);
  emit('project.env-variable.created', { project: { id: projectId }, key: input.key });
  return created;
}
