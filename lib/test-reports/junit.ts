import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { cleanFailureMessage } from './failure-message';
import { type ParsedReport, type ReportCase, InvalidReportError } from './types';

/**
 * JUnit XML as vitest, jest-junit, pytest, Playwright and Maven Surefire write it: there is no
 * official schema, only the Ant/Surefire shape they share. Flakes show only where the writer
 * records retries Surefire's way (`flakyFailure`, `rerunFailure`); plain JUnit cannot show them.
 */

type Attributes = Record<string, string | undefined>;
interface XmlElement {
  $?: Attributes;
  '#text'?: string;
  [child: string]: unknown;
}

const REPEATABLE = new Set([
  'testsuite',
  'testcase',
  'failure',
  'error',
  'skipped',
  'flakyFailure',
  'flakyError',
  'rerunFailure',
  'rerunError',
  'properties',
  'property',
  'stackTrace',
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  // Attributes apart from children, so a `failures` count never meets a `<failure>` child.
  attributesGroupName: '$',
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (tagName) => REPEATABLE.has(tagName),
});

export function parseJunit(xml: string): ParsedReport {
  const text = xml.replace(/^\uFEFF/, '');
  const validation = XMLValidator.validate(text);
  if (validation !== true) {
    const { line, col, msg } = validation.err;
    throw new InvalidReportError(
      `JUnit XML is not well-formed at line ${line}, column ${col}: ${msg}`,
    );
  }
  let document: Record<string, unknown>;
  try {
    document = parser.parse(text) as Record<string, unknown>;
  } catch (error) {
    // What the validator lets through and the parser still refuses, e.g. entity limits.
    const reason = error instanceof Error ? error.message : String(error);
    throw new InvalidReportError(`JUnit XML could not be read: ${reason}`);
  }
  const rootName = Object.keys(document).find((key) => key !== '?xml');
  let suites: XmlElement[];
  let root: XmlElement | undefined;
  if (rootName === 'testsuites') {
    root = element(document.testsuites);
    suites = children(root, 'testsuite');
  } else if (rootName === 'testsuite') {
    suites = children(document as XmlElement, 'testsuite');
  } else {
    throw new InvalidReportError(
      `JUnit XML must have a <testsuites> or <testsuite> root element; found ${rootName ? `<${rootName}>` : 'none'}.`,
    );
  }

  const cases: ReportCase[] = [];
  const starts: number[] = [];
  const visit = (suite: XmlElement, path: string) => {
    const timestamp = startOf(suite.$?.timestamp);
    if (timestamp !== undefined) starts.push(timestamp);
    children(suite, 'testcase').forEach((testcase, index) =>
      cases.push(toCase(testcase, suite, `${path} › testcase #${index + 1}`)),
    );
    children(suite, 'testsuite').forEach((nested, index) =>
      visit(nested, `${path} › testsuite #${index + 1}`),
    );
  };
  suites.forEach((suite, index) => visit(suite, `testsuite #${index + 1}`));

  const rootStart = startOf(root?.$?.timestamp);
  if (rootStart !== undefined) starts.push(rootStart);
  const suiteSeconds = suites.map((suite, index) =>
    seconds(suite.$?.time, `testsuite #${index + 1}`),
  );
  const rootSeconds = seconds(root?.$?.time, 'testsuites');
  const durationMs =
    rootSeconds !== undefined
      ? toMs(rootSeconds)
      : suiteSeconds.every((value) => value !== undefined)
        ? toMs(suiteSeconds.reduce<number>((sum, value) => sum + (value ?? 0), 0))
        : cases.reduce((sum, testCase) => sum + testCase.durationMs, 0);
  return {
    format: 'junit',
    cases,
    startedAt: starts.length > 0 ? new Date(Math.min(...starts)) : null,
    durationMs,
  };
}

function toCase(testcase: XmlElement, suite: XmlElement, path: string): ReportCase {
  const attributes = testcase.$ ?? {};
  if (!attributes.name) {
    throw new InvalidReportError(`${path}: the "name" attribute is missing.`);
  }
  const failures = [...children(testcase, 'failure'), ...children(testcase, 'error')];
  const flakes = [...children(testcase, 'flakyFailure'), ...children(testcase, 'flakyError')];
  const reruns = [...children(testcase, 'rerunFailure'), ...children(testcase, 'rerunError')];
  const skipped = testcase.skipped !== undefined;
  const status = skipped
    ? 'skipped'
    : failures.length > 0
      ? 'failed'
      : flakes.length > 0
        ? 'flaky'
        : 'passed';
  const retries = status === 'failed' ? reruns.length : status === 'flaky' ? flakes.length : 0;
  const failure = status === 'failed' ? failures[0] : status === 'flaky' ? flakes[0] : undefined;
  return {
    // vitest and Playwright put the file in `classname`, pytest its dotted module path; an
    // explicit `file` attribute (vitest's addFileAttribute, pytest's xunit1) wins.
    file: attributes.file ?? suite.$?.file ?? attributes.classname ?? suite.$?.name ?? '',
    name: attributes.name,
    status,
    durationMs: toMs(seconds(attributes.time, `${path} (${attributes.name})`) ?? 0),
    retries,
    failureMessage: failure ? cleanFailureMessage(messageOf(failure)) : null,
  };
}

/** jest-junit writes the text alone; the others a short `message` and the details as text. */
function messageOf(failure: XmlElement): string | undefined {
  const stackTrace = children(failure, 'stackTrace')[0];
  return (
    failure.$?.message ||
    failure['#text'] ||
    (stackTrace ? stackTrace['#text'] : undefined) ||
    failure.$?.type
  );
}

function element(value: unknown): XmlElement {
  if (typeof value === 'string') return { '#text': value };
  return (value ?? {}) as XmlElement;
}

function children(parent: XmlElement, tag: string): XmlElement[] {
  const value = parent[tag];
  return Array.isArray(value) ? value.map(element) : [];
}

/** JUnit times are decimal seconds; some writers group thousands with a comma. */
function seconds(value: string | undefined, where: string): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const parsed = Number(value.replace(/,/g, ''));
  if (!Number.isFinite(parsed) || parsed < 0) {
    throw new InvalidReportError(
      `${where}: the "time" attribute "${value}" is not a number of seconds.`,
    );
  }
  return parsed;
}

const toMs = (value: number) => Math.round(value * 1000);

/** jest-junit writes timestamps without a zone: they are UTC. */
function startOf(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const zoned = /(Z|[+-]\d\d:?\d\d)$/.test(value) ? value : `${value}Z`;
  const time = Date.parse(zoned);
  return Number.isNaN(time) ? undefined : time;
}
