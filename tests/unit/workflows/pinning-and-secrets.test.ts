import { describe, expect, test } from 'vitest';
import {
  configRead,
  isPinned,
  readRepoFile,
  usesOf,
  workflowFiles,
} from '../../support/workflow-validators';

const { workflows, actions } = workflowFiles();
const templates = workflows.filter((path) => path.startsWith('templates/'));

describe('third-party actions are pinned to a version tag or a commit', () => {
  test.each([...workflows, ...actions])('%s', (path) => {
    const uses = usesOf(readRepoFile(path));
    expect(uses.filter((ref) => !isPinned(ref))).toEqual([]);
  });

  test('the rule takes major tags, full tags, SHAs and local paths, and refuses branches', () => {
    expect(isPinned('actions/checkout@v4')).toBe(true);
    expect(isPinned('neondatabase/create-branch-action@v6.4.0')).toBe(true);
    expect(isPinned(`actions/setup-node@${'48b55a011bda9f5d6aeb4c2d9c7362e8dae4041e'}`)).toBe(true);
    expect(isPinned('./.github/actions/envboard-report')).toBe(true);
    expect(isPinned('actions/checkout@main')).toBe(false);
    expect(isPinned('actions/checkout@master')).toBe(false);
    expect(isPinned('actions/checkout')).toBe(false);
    expect(isPinned('actions/checkout@48b55a0')).toBe(false);
  });

  test('usesOf finds step actions and reusable-workflow jobs', () => {
    const text = [
      'on: push',
      'jobs:',
      '  a:',
      '    uses: acme/workflows/.github/workflows/x.yml@main',
      '  b:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - uses: actions/checkout@v4',
    ].join('\n');
    expect(usesOf(text)).toEqual([
      'acme/workflows/.github/workflows/x.yml@main',
      'actions/checkout@v4',
    ]);
  });
});

/** The part of templates/github-actions/README.md under the `### <file>` heading. */
function readmeSection(file: string): string {
  const readme = readRepoFile('templates/github-actions/README.md');
  return readme.split(new RegExp(`^### \`${file}\`$`, 'm'))[1]?.split(/^##/m)[0] ?? '';
}

describe("the templates' README lists every secret and variable each template reads", () => {
  test('configRead finds each secret and variable once, wherever the expression sits', () => {
    const text = [
      'env:',
      '  A: ${{ secrets.ENVBOARD_TOKEN }}',
      "  B: ${{ vars.ENVBOARD_URL != '' && secrets.ENVBOARD_TOKEN }}",
      'if: ${{ vars.PREVIEW_MODE }}',
    ].join('\n');
    expect(configRead(text)).toEqual({
      secrets: ['ENVBOARD_TOKEN'],
      vars: ['ENVBOARD_URL', 'PREVIEW_MODE'],
    });
  });

  test.each(templates)('%s', (path) => {
    const file = path.split('/').at(-1)!;
    const section = readmeSection(file);
    expect(section, `README.md has no "### \`${file}\`" section`).not.toBe('');
    const { secrets, vars } = configRead(readRepoFile(path));
    expect(secrets.length + vars.length).toBeGreaterThan(0);
    const missing = [...secrets, ...vars].filter((name) => !section.includes(`\`${name}\``));
    expect(missing).toEqual([]);
  });
});
