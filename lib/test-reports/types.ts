import type { TestCaseStatus, TestRunSummary } from '@/lib/domain/test-results';

export type ReportFormat = 'junit' | 'playwright';
export type TestSuiteKind = 'unit' | 'integration' | 'e2e';

/** One test as a report tells it, in the shape test_cases stores. */
export interface ReportCase {
  file: string;
  name: string;
  status: TestCaseStatus;
  /** All attempts together, in milliseconds. */
  durationMs: number;
  /** Attempts after the first. */
  retries: number;
  failureMessage: string | null;
}

/** What a parser reads out of one report file, whatever its format. */
export interface ParsedReport {
  format: ReportFormat;
  cases: ReportCase[];
  /** When the report says the run started; null when it does not say. */
  startedAt: Date | null;
  durationMs: number;
}

/** A parsed report with the suite and coverage the uploader named, ready for recordTestRun. */
export interface NormalizedReport extends ParsedReport {
  suite: TestSuiteKind;
  coveragePct: number | null;
  totals: Omit<TestRunSummary, 'status'>;
  status: TestRunSummary['status'];
}

/** A report that cannot be read or placed; the message names the line or the field at fault. */
export class InvalidReportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidReportError';
  }
}
