import { z } from 'zod';
import { cleanFailureMessage } from './failure-message';
import { jsonErrorOffset, lineAndColumn } from './json-error-offset';
import { type ParsedReport, type ReportCase, InvalidReportError } from './types';

/**
 * Playwright's JSON reporter: suites (one per file, nested by describe) → specs → one test per
 * project → one result per attempt. Playwright itself says which tests were flaky.
 */

const resultSchema = z.object({
  retry: z.number().int().min(0),
  status: z.enum(['passed', 'failed', 'timedOut', 'skipped', 'interrupted']),
  duration: z.number().min(0),
  error: z.object({ message: z.string().optional() }).optional(),
  errors: z.array(z.object({ message: z.string().optional() })).default([]),
});

const testSchema = z.object({
  projectName: z.string().default(''),
  expectedStatus: z.enum(['passed', 'failed', 'timedOut', 'skipped', 'interrupted']),
  status: z.enum(['expected', 'unexpected', 'flaky', 'skipped']),
  results: z.array(resultSchema),
});

const specSchema = z.object({
  title: z.string(),
  file: z.string(),
  tests: z.array(testSchema),
});

interface Suite {
  title: string;
  file?: string;
  specs: z.infer<typeof specSchema>[];
  suites?: Suite[];
}

const suiteSchema: z.ZodType<Suite> = z.lazy(() =>
  z.object({
    title: z.string(),
    file: z.string().optional(),
    specs: z.array(specSchema).default([]),
    suites: z.array(suiteSchema).optional(),
  }),
);

const reportSchema = z.object({
  suites: z.array(suiteSchema),
  /** Errors outside any test: a file that failed to load, a global setup that threw. */
  errors: z
    .array(
      z.object({
        message: z.string().optional(),
        location: z.object({ file: z.string() }).optional(),
      }),
    )
    .default([]),
  stats: z
    .object({ startTime: z.string().optional(), duration: z.number().min(0).optional() })
    .optional(),
});

type Test = z.infer<typeof testSchema>;

/** The name under which an error outside any test is stored. */
export const ERROR_OUTSIDE_TESTS = 'Error outside any test';
type Result = z.infer<typeof resultSchema>;

export function parsePlaywrightJson(json: string): ParsedReport {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    throw new InvalidReportError(`Playwright JSON is not valid JSON: ${where(json, error)}`);
  }
  const parsed = reportSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.length > 0 ? issue.path.join('.') : '(top level)';
    throw new InvalidReportError(
      `Playwright JSON does not look like a JSON reporter report: ${field}: ${issue.message}`,
    );
  }
  const { suites, errors, stats } = parsed.data;
  const cases: ReportCase[] = [];
  const visit = (suite: Suite, titles: string[]) => {
    for (const spec of suite.specs) {
      for (const test of spec.tests) cases.push(toCase(test, spec.file, [...titles, spec.title]));
    }
    for (const nested of suite.suites ?? []) visit(nested, [...titles, nested.title]);
  };
  // The top-level suite is the file: its title is the path, already in `file`.
  for (const fileSuite of suites) visit(fileSuite, []);
  // Playwright fails the run for these; counted as failed cases so the run fails here too.
  for (const error of errors) {
    cases.push({
      file: error.location?.file ?? '',
      name: ERROR_OUTSIDE_TESTS,
      status: 'failed',
      durationMs: 0,
      retries: 0,
      failureMessage: cleanFailureMessage(error.message) ?? 'Error outside any test',
    });
  }

  const startedAt = stats?.startTime ? new Date(stats.startTime) : null;
  return {
    format: 'playwright',
    cases,
    startedAt: startedAt && !Number.isNaN(startedAt.getTime()) ? startedAt : null,
    durationMs: Math.round(
      stats?.duration ?? cases.reduce((sum, testCase) => sum + testCase.durationMs, 0),
    ),
  };
}

function toCase(test: Test, file: string, titles: string[]): ReportCase {
  // The same spec runs once per project; the project keeps their identities apart.
  const path = test.projectName ? [`[${test.projectName}]`, ...titles] : titles;
  const status =
    test.status === 'unexpected'
      ? 'failed'
      : test.status === 'flaky'
        ? 'flaky'
        : test.status === 'skipped' || test.expectedStatus === 'skipped'
          ? 'skipped'
          : 'passed';
  const failing = test.results.filter((result) => result.status !== test.expectedStatus);
  // A failed test reports its last attempt's error; a flaky one the error it recovered from.
  const failure =
    status === 'failed' ? failing.at(-1) : status === 'flaky' ? failing[0] : undefined;
  return {
    file,
    name: path.join(' › '),
    status,
    durationMs: Math.round(test.results.reduce((sum, result) => sum + result.duration, 0)),
    retries: Math.max(0, ...test.results.map((result) => result.retry)),
    failureMessage: failure ? cleanFailureMessage(messageOf(failure)) : null,
  };
}

function messageOf(result: Result): string | undefined {
  return (
    result.error?.message ??
    result.errors.find((error) => error.message)?.message ??
    (result.status === 'timedOut' ? 'Test timed out' : result.status)
  );
}

/** Node's own message, led by the line and column of the first syntax error. */
function where(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const offset = jsonErrorOffset(text);
  if (offset === undefined) return message;
  const { line, column } = lineAndColumn(text, offset);
  return `line ${line}, column ${column}: ${message}`;
}
