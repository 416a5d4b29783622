import { describe, expect, test } from 'vitest';
import { suiteFromPath } from '@/lib/test-reports/artifacts';
import { cleanFailureMessage } from '@/lib/test-reports/failure-message';
import {
  formatFromContentType,
  formatFromFileName,
  parseTestReport,
} from '@/lib/test-reports/parse';
import { uploadMetadataInput, uploadMetadataSchema } from '@/lib/test-reports/upload-metadata';
import { junitXml, playwrightJson } from '../../fixtures/test-reports/builders';

describe('parseTestReport', () => {
  test('derives the totals and verdict, defaults the suite by format and keeps coverage', () => {
    const junit = parseTestReport(
      junitXml([
        { name: 'a' },
        { name: 'b', outcome: 'failed' },
        { name: 'c', outcome: 'skipped' },
        { name: 'd', outcome: 'flaky' },
      ]),
      'junit',
      { coveragePct: 81.5 },
    );
    expect(junit).toMatchObject({
      suite: 'unit',
      coveragePct: 81.5,
      status: 'failed',
      totals: { total: 4, passed: 1, failed: 1, skipped: 1, flaky: 1 },
    });
    const e2e = parseTestReport(
      playwrightJson([{ title: 'a', attempts: ['failed', 'passed'] }]),
      'playwright',
    );
    expect(e2e).toMatchObject({ suite: 'e2e', coveragePct: null, status: 'passed' });
    expect(
      parseTestReport(junitXml([{ name: 'a' }]), 'junit', { suite: 'integration' }).suite,
    ).toBe('integration');
  });

  test('picks the format from the content type or the file name', () => {
    expect(formatFromContentType('application/xml; charset=utf-8')).toBe('junit');
    expect(formatFromContentType('text/xml')).toBe('junit');
    expect(formatFromContentType('application/json')).toBe('playwright');
    expect(formatFromContentType('text/plain')).toBeUndefined();
    expect(formatFromContentType(null)).toBeUndefined();
    expect(formatFromFileName('reports/unit.XML')).toBe('junit');
    expect(formatFromFileName('e2e/results.json')).toBe('playwright');
    expect(formatFromFileName('trace.zip')).toBeUndefined();
  });

  test('an artifact file names its suite by path, else the format decides', () => {
    expect(suiteFromPath('e2e/results.json', 'playwright')).toBe('e2e');
    expect(suiteFromPath('integration/junit.xml', 'junit')).toBe('integration');
    expect(suiteFromPath('playwright-junit.xml', 'junit')).toBe('e2e');
    expect(suiteFromPath('unit.xml', 'junit')).toBe('unit');
    expect(suiteFromPath('community/junit.xml', 'junit')).toBe('unit');
    expect(suiteFromPath('results.json', 'playwright')).toBe('e2e');
  });
});

describe('failure messages', () => {
  test('lose colour codes and blank edges; empty ones are none', () => {
    expect(cleanFailureMessage('\n  \u001b[31mExpected: 8\u001b[39m  \n')).toBe('Expected: 8');
    expect(cleanFailureMessage('   ')).toBeNull();
    expect(cleanFailureMessage(undefined)).toBeNull();
  });
});

describe('upload metadata', () => {
  const parse = (url: string, headers: Record<string, string> = {}) =>
    uploadMetadataSchema.safeParse(
      uploadMetadataInput(new Request(url, { method: 'POST', headers })),
    );

  test('comes from the query string, else X-Envboard-* headers; the query wins', () => {
    const parsed = parse('http://x/api/v1/test-runs?commit=ABCDEF1&pr=12&coverage=80.5', {
      'x-envboard-commit': 'ffffff0',
      'x-envboard-branch': 'feature/cart',
      'x-envboard-suite': 'integration',
      'x-envboard-run-id': '9001',
    });
    expect(parsed.success && parsed.data).toEqual({
      commit: 'abcdef1',
      branch: 'feature/cart',
      suite: 'integration',
      pr: 12,
      coverage: 80.5,
      run_id: '9001',
    });
  });

  test('needs a commit SHA and refuses out-of-range values, naming them', () => {
    const missing = parse('http://x/api/v1/test-runs');
    expect(missing.success).toBe(false);
    expect(missing.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['commit', 'commit is required: the SHA the tests ran on'],
    ]);
    const wrong = parse('http://x/api/v1/test-runs?commit=main&coverage=140&suite=smoke&pr=-1');
    expect(wrong.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual([
      'commit',
      'coverage',
      'pr',
      'suite',
    ]);
  });
});
