import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { parse } from 'yaml';
import { readRepoFile } from '../../support/workflow-validators';

/**
 * The composite action's upload step, run by bash as the runner would run it, against a local
 * server standing in for envboard's POST /api/v1/test-runs.
 */
const action = parse(readRepoFile('templates/actions/envboard-report/action.yml')) as {
  runs: { steps: { id?: string; run: string }[] };
};
const script = action.runs.steps.find((step) => step.id === 'upload')!.run;

interface Received {
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}
let received: Received[] = [];
const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    received.push({ url: request.url!, headers: request.headers, body: Buffer.concat(chunks) });
    response.writeHead(201, { 'content-type': 'application/json' });
    response.end('{"data":{"id":7,"passed":2}}');
  });
});
let envboardUrl = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  envboardUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => server.close());

// Each test starts bash and curl: seconds, not milliseconds, on a busy two-core runner.
vi.setConfig({ testTimeout: 60_000 });

const scratch = mkdtempSync(join(tmpdir(), 'envboard-report-'));
const run = promisify(execFile);

async function upload(inputs: Record<string, string>) {
  received = [];
  const output = join(scratch, `output-${Math.random()}`);
  writeFileSync(output, '');
  await run('bash', ['-e', '-c', script], {
    cwd: scratch,
    env: {
      ...process.env,
      GITHUB_OUTPUT: output,
      ENVBOARD_URL: envboardUrl,
      ENVBOARD_TOKEN: 'envb_api_test',
      SUITE: 'unit',
      COVERAGE: '',
      ENVIRONMENT: '',
      DEPLOYMENT: '',
      COMMIT: 'a'.repeat(40),
      BRANCH: 'feature/login',
      PR: '42',
      RUN_ID: '9001',
      ...inputs,
    },
  });
  return { request: received[0]!, output: readFileSync(output, 'utf8') };
}

test('a JUnit report goes gzipped, with the token and the run described in X-Envboard headers', async () => {
  writeFileSync(join(scratch, 'junit.xml'), '<testsuites><testsuite name="a"/></testsuites>');
  const { request, output } = await upload({ REPORT: 'junit.xml', COVERAGE: '81.5' });
  expect(request.url).toBe('/api/v1/test-runs');
  expect(request.headers).toMatchObject({
    authorization: 'Bearer envb_api_test',
    'content-type': 'application/xml',
    'content-encoding': 'gzip',
    'x-envboard-commit': 'a'.repeat(40),
    'x-envboard-branch': 'feature/login',
    'x-envboard-suite': 'unit',
    'x-envboard-pr': '42',
    'x-envboard-run-id': '9001',
    'x-envboard-coverage': '81.5',
  });
  expect(request.headers).not.toHaveProperty('x-envboard-environment');
  expect(gunzipSync(request.body).toString()).toBe(
    '<testsuites><testsuite name="a"/></testsuites>',
  );
  expect(output).toBe('answer={"data":{"id":7,"passed":2}}\n');
});

test('a .json report is sent as a Playwright JSON report, naming its environment and deployment', async () => {
  writeFileSync(join(scratch, 'e2e.json'), '{"suites":[]}');
  const { request } = await upload({
    REPORT: 'e2e.json',
    SUITE: 'e2e',
    ENVIRONMENT: 'pr-42',
    DEPLOYMENT: 'https://app-git-login.vercel.app',
    PR: '',
  });
  expect(request.headers).toMatchObject({
    'content-type': 'application/json',
    'x-envboard-suite': 'e2e',
    'x-envboard-environment': 'pr-42',
    'x-envboard-deployment': 'https://app-git-login.vercel.app',
  });
  expect(request.headers).not.toHaveProperty('x-envboard-pr');
});

test('a missing report fails the step before anything is sent', async () => {
  await expect(upload({ REPORT: 'nowhere.xml' })).rejects.toMatchObject({
    stdout: expect.stringContaining('::error::envboard report: nowhere.xml does not exist'),
  });
  expect(received).toEqual([]);
});
