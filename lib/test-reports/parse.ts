import { summarizeTestCases } from '@/lib/domain/test-results';
import { parseJunit } from './junit';
import { parsePlaywrightJson } from './playwright';
import type { NormalizedReport, ReportFormat, TestSuiteKind } from './types';

/** JUnit usually comes from a unit-test runner, Playwright JSON from an end-to-end suite. */
export const DEFAULT_SUITE: Record<ReportFormat, TestSuiteKind> = {
  junit: 'unit',
  playwright: 'e2e',
};

/** application/xml or text/xml → JUnit; application/json → Playwright; anything else: none. */
export function formatFromContentType(contentType: string | null): ReportFormat | undefined {
  const mime = contentType?.split(';')[0]?.trim().toLowerCase();
  if (mime === 'application/xml' || mime === 'text/xml') return 'junit';
  if (mime === 'application/json') return 'playwright';
  return undefined;
}

/** From a file name inside a CI artifact: `.xml` is JUnit, `.json` Playwright. */
export function formatFromFileName(name: string): ReportFormat | undefined {
  const lower = name.toLowerCase();
  if (lower.endsWith('.xml')) return 'junit';
  if (lower.endsWith('.json')) return 'playwright';
  return undefined;
}

/**
 * One report, whatever its format, in the shape recordTestRun stores. Throws InvalidReportError
 * naming the line or field at fault.
 */
export function parseTestReport(
  body: string,
  format: ReportFormat,
  options: { suite?: TestSuiteKind; coveragePct?: number | null } = {},
): NormalizedReport {
  const parsed = format === 'junit' ? parseJunit(body) : parsePlaywrightJson(body);
  const { status, ...totals } = summarizeTestCases(parsed.cases);
  return {
    ...parsed,
    suite: options.suite ?? DEFAULT_SUITE[format],
    coveragePct: options.coveragePct ?? null,
    totals,
    status,
  };
}
