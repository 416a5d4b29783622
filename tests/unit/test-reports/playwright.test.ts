import { describe, expect, test } from 'vitest';
import { jsonErrorOffset, lineAndColumn } from '@/lib/test-reports/json-error-offset';
import { ERROR_OUTSIDE_TESTS, parsePlaywrightJson } from '@/lib/test-reports/playwright';
import { InvalidReportError } from '@/lib/test-reports/types';
import { playwrightJson } from '../../fixtures/test-reports/builders';

describe('Playwright JSON', () => {
  test('keeps each project apart, sums attempts and takes the run times from stats', () => {
    const report = parsePlaywrightJson(
      playwrightJson(
        [
          { title: 'pays', project: 'chromium' },
          {
            title: 'pays',
            project: 'firefox',
            attempts: ['failed', 'failed'],
            message: 'Error: declined',
          },
          { title: 'times out', attempts: ['timedOut'] },
        ],
        { startTime: '2026-03-01T10:00:00.000Z', duration: 1234.5 },
      ),
    );
    expect(report.cases).toEqual([
      {
        file: 'e2e/checkout.spec.ts',
        name: '[chromium] › pays',
        status: 'passed',
        durationMs: 100,
        retries: 0,
        failureMessage: null,
      },
      {
        file: 'e2e/checkout.spec.ts',
        name: '[firefox] › pays',
        status: 'failed',
        durationMs: 200,
        retries: 1,
        failureMessage: 'Error: declined',
      },
      {
        file: 'e2e/checkout.spec.ts',
        name: 'times out',
        status: 'failed',
        durationMs: 100,
        retries: 0,
        failureMessage: 'Test timed out',
      },
    ]);
    expect(report.startedAt).toEqual(new Date('2026-03-01T10:00:00.000Z'));
    expect(report.durationMs).toBe(1235);
  });

  test('a test expected to fail that fails is a pass', () => {
    const json = JSON.parse(playwrightJson([{ title: 'known bug', attempts: ['failed'] }]));
    const testEntry = json.suites[0].specs[0].tests[0];
    Object.assign(testEntry, { expectedStatus: 'failed', status: 'expected' });
    const [testCase] = parsePlaywrightJson(JSON.stringify(json)).cases;
    expect(testCase).toMatchObject({ status: 'passed', failureMessage: null });
  });

  test('invalid JSON names the line and column', () => {
    expect(() => parsePlaywrightJson('{\n  "suites": [\n    {"title": }\n  ]\n}')).toThrow(
      /^Playwright JSON is not valid JSON: line 3, column \d+: /,
    );
  });

  test('a report of another shape names the field at fault', () => {
    expect(() => parsePlaywrightJson('{"numTotalTests": 3}')).toThrow(
      new InvalidReportError(
        'Playwright JSON does not look like a JSON reporter report: suites: Invalid input: expected array, received undefined',
      ),
    );
    const json = JSON.parse(playwrightJson([{ title: 'pays' }]));
    json.suites[0].specs[0].tests[0].status = 'sometimes';
    expect(() => parsePlaywrightJson(JSON.stringify(json))).toThrow(
      /suites\.0\.specs\.0\.tests\.0\.status: /,
    );
  });
});

describe('jsonErrorOffset', () => {
  test('is undefined for valid JSON of every kind', () => {
    for (const text of [
      '{}',
      '[]',
      ' {"a": [1, -2.5e3, "x\\"y", true, false, null]} ',
      '"s"',
      '0',
    ]) {
      expect(jsonErrorOffset(text)).toBeUndefined();
    }
  });

  test('points at the first character that breaks the grammar', () => {
    expect(jsonErrorOffset('{"a": }')).toBe(6);
    expect(jsonErrorOffset('{"a": 1,}')).toBe(8);
    expect(jsonErrorOffset('[1 2]')).toBe(3);
    expect(jsonErrorOffset('{"a": tru}')).toBe(6);
    expect(jsonErrorOffset('{"a": 1} x')).toBe(9);
    expect(jsonErrorOffset('{"a": "open')).toBe(11);
    expect(lineAndColumn('ab\ncd\nef', 7)).toEqual({ line: 3, column: 2 });
  });
});

describe('Playwright JSON errors outside tests', () => {
  test('fail the run as cases of their own, so a file that failed to load is not a pass', () => {
    const json = JSON.parse(playwrightJson([{ title: 'pays' }]));
    json.errors = [
      {
        message: 'Error: \u001b[31mCannot find module ./missing\u001b[39m',
        location: { file: '/ci/e2e/broken.spec.ts', line: 1, column: 1 },
      },
    ];
    const report = parsePlaywrightJson(JSON.stringify(json));
    expect(report.cases).toHaveLength(2);
    expect(report.cases[1]).toEqual({
      file: '/ci/e2e/broken.spec.ts',
      name: ERROR_OUTSIDE_TESTS,
      status: 'failed',
      durationMs: 0,
      retries: 0,
      failureMessage: 'Error: Cannot find module ./missing',
    });
  });
});
