import { createHash } from 'node:crypto';
import type { SandboxDeployment, SandboxEnvVar, SandboxProject, VercelStore } from './store';

/**
 * The emulator's answers in Vercel's wire format, with every field `@vercel/sdk`'s response
 * models require (the SDK is generated from Vercel's OpenAPI document;
 * https://vercel.com/docs/rest-api/reference/endpoints/deployments and
 * https://vercel.com/docs/rest-api/reference/endpoints/projects). Values the emulator does not
 * track are fixed and plausible: one region, the Pro plan, Node 22, Next.js.
 */

const REGION = 'iad1';
const PLAN = 'pro';
/** Whose token the sandbox answers: rollbacks and untagged deployments are this user's. */
export const SANDBOX_USER = { uid: 'usr_sandbox0000000000000000', username: 'envboard-bot' };

/** A Vercel user id as stable as the git login it stands for. */
function userId(login: string): string {
  return `usr_${createHash('sha256').update(login).digest('hex').slice(0, 24)}`;
}

/**
 * Who created a deployment: Vercel's git integration credits the Vercel account linked to the
 * commit's author, whose GitHub login it also reports.
 */
function creatorOf(deployment: SandboxDeployment) {
  const login = deployment.meta.githubCommitAuthorLogin;
  if (!login) return { ...SANDBOX_USER, email: `${SANDBOX_USER.username}@example.com` };
  return { uid: userId(login), username: login, email: `${login}@example.com`, githubLogin: login };
}

function inspectorUrl(project: SandboxProject, deployment: SandboxDeployment): string {
  return `https://vercel.com/${project.accountId}/${project.name}/${deployment.id.slice(4)}`;
}

/** What Vercel calls the production domain of a project. */
const productionDomain = (project: SandboxProject) => `${project.name}.vercel.app`;

/** `GET /v7/deployments`: one item of `deployments`. */
export function deploymentListItem(store: VercelStore, d: SandboxDeployment) {
  const project = store.project(d.projectId);
  const { uid, username, email, githubLogin } = creatorOf(d);
  return {
    uid: d.id,
    name: d.name,
    url: d.url,
    created: d.createdAt,
    createdAt: d.createdAt,
    buildingAt: d.createdAt,
    ready: d.ready,
    state: d.readyState,
    readyState: d.readyState,
    readySubstate: d.readySubstate,
    type: 'LAMBDAS',
    creator: { uid, username, email, githubLogin },
    inspectorUrl: inspectorUrl(project, d),
    meta: d.meta,
    target: d.target,
    projectId: d.projectId,
    source: 'git',
    aliasAssigned: d.readyState === 'READY' ? (d.ready ?? d.createdAt) : null,
    isRollbackCandidate: d.target === 'production' && d.readyState === 'READY',
  };
}

/** `GET /v13/deployments/{idOrUrl}`: the owner's full view. */
export function deploymentBody(store: VercelStore, d: SandboxDeployment) {
  const project = store.project(d.projectId);
  const { uid, username } = creatorOf(d);
  const serving = project.productionId === d.id;
  return {
    id: d.id,
    name: d.name,
    url: d.url,
    createdAt: d.createdAt,
    buildingAt: d.createdAt,
    bootedAt: d.createdAt,
    ready: d.ready,
    readyState: d.readyState,
    status: d.readyState,
    readySubstate: d.readySubstate,
    target: d.target,
    projectId: d.projectId,
    ownerId: project.accountId,
    meta: d.meta,
    alias: serving ? [productionDomain(project)] : [],
    aliasAssigned: d.readyState === 'READY',
    build: { env: [] },
    buildSkipped: false,
    createdIn: REGION,
    creator: { uid, username },
    env: [],
    inspectorUrl: inspectorUrl(project, d),
    isInConcurrentBuildsQueue: false,
    isInSystemBuildsQueue: false,
    plan: PLAN,
    projectSettings: { framework: 'nextjs', nodeVersion: '22.x' },
    public: false,
    regions: [REGION],
    routes: null,
    source: 'git',
    type: 'LAMBDAS',
    version: 2,
  };
}

/** `targets.production` of a project: the deployment production serves. */
function productionTarget(store: VercelStore, project: SandboxProject, d: SandboxDeployment) {
  return {
    id: d.id,
    name: d.name,
    url: d.url,
    createdAt: d.createdAt,
    createdIn: REGION,
    creator: creatorOf(d),
    deploymentHostname: d.url.replace(/\.vercel\.app$/, ''),
    alias: [productionDomain(project)],
    aliasAssigned: d.ready ?? d.createdAt,
    meta: d.meta,
    plan: PLAN,
    private: true,
    readyAt: d.ready,
    readyState: d.readyState,
    readySubstate: d.readySubstate,
    target: d.target,
    type: 'LAMBDAS',
  };
}

const RESOURCE_CONFIG = { functionDefaultRegions: [REGION], fluid: true };

/** `GET /v9/projects/{idOrName}`. */
export function projectBody(store: VercelStore, project: SandboxProject) {
  const production = project.productionId ? store.deployments.get(project.productionId) : undefined;
  const rollback = project.rollbackDescription;
  return {
    id: project.id,
    name: project.name,
    accountId: project.accountId,
    createdAt: project.createdAt,
    updatedAt: project.createdAt,
    framework: 'nextjs',
    nodeVersion: '22.x',
    directoryListing: false,
    defaultResourceConfig: RESOURCE_CONFIG,
    resourceConfig: RESOURCE_CONFIG,
    // Vercel's defaults (https://vercel.com/docs/security/deployment-retention).
    deploymentExpiration: {
      expirationDays: 180,
      expirationDaysProduction: 365,
      expirationDaysCanceled: 30,
      expirationDaysErrored: 90,
    },
    alias: [
      {
        domain: productionDomain(project),
        environment: 'production',
        target: 'PRODUCTION',
        deployment: null,
        createdAt: project.createdAt,
      },
    ],
    targets: production ? { production: productionTarget(store, project, production) } : {},
    lastAliasRequest: project.lastAliasRequest,
    ...(rollback
      ? {
          rollbackDescription: {
            ...rollback,
            userId: SANDBOX_USER.uid,
            username: SANDBOX_USER.username,
          },
        }
      : {}),
  };
}

/**
 * One environment variable as `GET …/env` and `DELETE …/env/{id}` answer it: the value stays
 * encrypted (Vercel decrypts only when asked to; envboard never asks).
 */
export function envVarBody(env: SandboxEnvVar) {
  return {
    id: env.id,
    key: env.key,
    value: createHash('sha256').update(`${env.id}:${env.value}`).digest('base64'),
    type: env.type,
    target: env.target,
    ...(env.customEnvironmentIds && { customEnvironmentIds: env.customEnvironmentIds }),
    gitBranch: env.gitBranch,
    decrypted: false,
    configurationId: null,
    createdAt: env.createdAt,
    updatedAt: env.updatedAt,
    createdBy: SANDBOX_USER.uid,
    updatedBy: SANDBOX_USER.uid,
  };
}
