import { readCurrentProject } from '@/db/queries/project';
import { vercelProjectIdFromEnv } from '@/lib/settings/provider-settings';
import { type CheckResult, type DoctorContext, fail, pass, runCheck, statusOf } from './check';

const GITHUB = 'GitHub token';
const VERCEL = 'Vercel token';
const NEON = 'Neon token';

/** A refused token gets a new token; anything else is the provider or the network. */
function tokenFix(variable: string, scopes: string) {
  return (error: unknown) => {
    const status = statusOf(error);
    if (status === 401 || status === 403 || status === 404) {
      return `Create a token that ${scopes} and set it as ${variable}.`;
    }
    return `Check ${variable} and that the API URL is reachable from here.`;
  };
}

/**
 * The GitHub token reaches the repository and may write there: pull requests and workflow runs
 * are read, comments and commit statuses written (push), and the webhook is read (admin).
 */
export function checkGitHub(context: DoctorContext): Promise<CheckResult> {
  const scopes =
    'reaches the repository with read and write access (classic: repo; fine-grained: Contents, Pull requests, Actions, Commit statuses, Webhooks)';
  return runCheck(
    GITHUB,
    async () => {
      const access = await context.github().getRepositoryAccess();
      const can = access.permissions;
      const lacking = !can
        ? ['any permission GitHub would report']
        : [!can.pull && 'read (pull)', !can.push && 'write (push)', !can.admin && 'admin'].filter(
            (item): item is string => Boolean(item),
          );
      if (lacking.length === 0) return pass(GITHUB, `${access.fullName}: pull, push, admin`);
      return fail(
        GITHUB,
        `${access.fullName}: the token lacks ${lacking.join(', ')}`,
        `Create a token that ${scopes} and set it as GITHUB_TOKEN.`,
      );
    },
    tokenFix('GITHUB_TOKEN', scopes),
  );
}

/** The Vercel project envboard reads: the project row's, else VERCEL_PROJECT_ID. */
export async function vercelProjectIdOf(context: DoctorContext): Promise<string | undefined> {
  const project = await readCurrentProject(context.database().db).catch(() => undefined);
  return project?.vercelProjectId ?? vercelProjectIdFromEnv(context.env);
}

export function checkVercel(context: DoctorContext): Promise<CheckResult> {
  const scopes = "can read the project (scoped to the project's team)";
  return runCheck(
    VERCEL,
    async () => {
      const projectId = await vercelProjectIdOf(context);
      if (!projectId) {
        return fail(VERCEL, 'no Vercel project to check', 'Set VERCEL_PROJECT_ID.');
      }
      const project = await context.vercel().getProject(projectId);
      return pass(VERCEL, `project ${project.name} (${project.id}) readable`);
    },
    tokenFix('VERCEL_TOKEN', scopes),
  );
}

export function checkNeon(context: DoctorContext): Promise<CheckResult> {
  return runCheck(
    NEON,
    async () => {
      const neon = context.neon();
      const branches = await neon.listBranches();
      return pass(NEON, `project ${neon.projectId} readable (${branches.length} branches)`);
    },
    tokenFix('NEON_API_KEY', 'belongs to the organisation that owns NEON_PROJECT_ID'),
  );
}
