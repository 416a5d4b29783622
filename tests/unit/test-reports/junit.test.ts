import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseJunit } from '@/lib/test-reports/junit';
import { InvalidReportError } from '@/lib/test-reports/types';
import { junitXml } from '../../fixtures/test-reports/builders';

const fixture = (name: string) =>
  readFileSync(join(import.meta.dirname, '../../fixtures/test-reports', name), 'utf8');

const statuses = (xml: string) =>
  Object.fromEntries(parseJunit(xml).cases.map((testCase) => [testCase.name, testCase.status]));

describe('JUnit flavours', () => {
  test('jest-junit: the failure text is the message, and a zone-less timestamp is UTC', () => {
    const report = parseJunit(fixture('jest-junit.xml'));
    expect(statuses(fixture('jest-junit.xml'))).toEqual({
      'cart adds an item': 'passed',
      'cart totals the order': 'failed',
      'cart ships abroad': 'skipped',
    });
    const failed = report.cases.find((testCase) => testCase.status === 'failed')!;
    expect(failed.failureMessage).toMatch(/^Error: expect\(received\)\.toBe\(expected\)/);
    expect(failed.failureMessage).toContain('Received: 5');
    expect(failed.durationMs).toBe(10);
    expect(report.startedAt).toEqual(new Date('2026-03-01T10:00:00Z'));
    expect(report.durationMs).toBe(1234);
  });

  test('pytest: errors count as failures, the file attribute wins, properties are no tests', () => {
    const report = parseJunit(fixture('pytest.xml'));
    expect(report.cases).toHaveLength(5);
    expect(statuses(fixture('pytest.xml'))).toEqual({
      test_adds_item: 'passed',
      test_totals: 'failed',
      test_ships_abroad: 'skipped',
      test_database: 'failed',
      test_records_a_property: 'passed',
    });
    expect(new Set(report.cases.map((testCase) => testCase.file))).toEqual(
      new Set(['tests/test_cart.py']),
    );
    const database = report.cases.find((testCase) => testCase.name === 'test_database')!;
    expect(database.failureMessage).toBe('failed on setup with "ConnectionError: refused"');
    expect(report.startedAt).toEqual(new Date('2026-03-01T10:00:00.123Z'));
    expect(report.durationMs).toBe(123);
  });

  test('Surefire reruns: flakyFailure makes a flake, rerunFailure counts the retries', () => {
    const report = parseJunit(fixture('surefire.xml'));
    const byName = Object.fromEntries(report.cases.map((testCase) => [testCase.name, testCase]));
    expect(byName.addsItem).toMatchObject({
      file: 'com.acme.CartTest',
      status: 'flaky',
      retries: 1,
      failureMessage: 'expected: <4> but was: <5>',
    });
    expect(byName.totals).toMatchObject({
      status: 'failed',
      retries: 2,
      failureMessage: 'totals differ',
    });
    expect(byName.removesItem).toMatchObject({ status: 'passed', retries: 0 });
    expect(report.startedAt).toBeNull();
    expect(report.durationMs).toBe(500);
  });

  test('nested suites are walked, and the run takes the sum of the top suites without a root time', () => {
    const xml = `<testsuites>
      <testsuite name="outer" time="1.5"><testsuite name="inner" time="1.5">
        <testcase name="deep" classname="a.test.ts" time="1.5"/>
      </testsuite></testsuite>
      <testsuite name="b.test.ts" time="0.5"><testcase name="shallow" time="0.5"/></testsuite>
    </testsuites>`;
    const report = parseJunit(xml);
    expect(report.cases.map((testCase) => [testCase.file, testCase.name])).toEqual([
      ['a.test.ts', 'deep'],
      ['b.test.ts', 'shallow'],
    ]);
    expect(report.durationMs).toBe(2000);
  });

  test('reads an empty report, one without a declaration, and comma-grouped seconds', () => {
    expect(parseJunit('<testsuites/>').cases).toEqual([]);
    const report = parseJunit(
      '<testsuite name="x"><testcase name="slow" time="1,234.5"/></testsuite>',
    );
    expect(report.cases[0]).toMatchObject({ status: 'passed', durationMs: 1_234_500 });
  });

  test('caps a very long failure message', () => {
    const report = parseJunit(
      junitXml([{ name: 'long', outcome: 'failed', message: 'x'.repeat(5000) }]),
    );
    expect(report.cases[0]!.failureMessage).toHaveLength(2000);
    expect(report.cases[0]!.failureMessage!.endsWith('…')).toBe(true);
  });
});

describe('JUnit that cannot be read', () => {
  const failure = (xml: string) => {
    try {
      parseJunit(xml);
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidReportError);
      return (error as Error).message;
    }
    throw new Error('expected the report to be refused');
  };

  test('malformed XML names the line and column', () => {
    const message = failure(
      '<testsuites>\n  <testsuite name="a">\n    <testcase name="x">\n  </testsuite>\n</testsuites>',
    );
    expect(message).toMatch(/^JUnit XML is not well-formed at line 4, column \d+: /);
  });

  test('entities that would expand past the parser limits are refused, not expanded', () => {
    const entity = 'a'.repeat(9000);
    const xml = `<!DOCTYPE x [<!ENTITY a "${entity}">]><testsuite name="x"><testcase name="t"><failure>${'&a;'.repeat(20)}</failure></testcase></testsuite>`;
    expect(failure(xml)).toMatch(/^JUnit XML could not be read: .*limit exceeded/);
  });

  test('another root element is named', () => {
    expect(failure('<html><body/></html>')).toBe(
      'JUnit XML must have a <testsuites> or <testsuite> root element; found <html>.',
    );
  });

  test('a testcase without a name and a time that is no number name their field', () => {
    expect(
      failure('<testsuites><testsuite name="a"><testcase classname="x"/></testsuite></testsuites>'),
    ).toBe('testsuite #1 › testcase #1: the "name" attribute is missing.');
    expect(failure('<testsuite name="a"><testcase name="t" time="soon"/></testsuite>')).toBe(
      'testsuite #1 › testcase #1 (t): the "time" attribute "soon" is not a number of seconds.',
    );
  });
});
