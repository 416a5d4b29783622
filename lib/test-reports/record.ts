import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { type Project, type TestRun, testRuns } from '@/db/schema';
import { recordTestRun } from '@/db/writes';
import { resolveReportLinks, type ReportTarget } from './links';
import { parseTestReport } from './parse';
import {
  InvalidReportError,
  type NormalizedReport,
  type ReportFormat,
  type TestSuiteKind,
} from './types';

interface ReportSubmission {
  /** Unique across envboard: the same id again is the same report and is not counted twice. */
  externalId: string;
  body: string;
  format: ReportFormat;
  target: ReportTarget;
  suite?: TestSuiteKind;
  coveragePct?: number;
  /** When the report does not say when it started. */
  receivedAt: Date;
}

interface RecordedReport {
  run: TestRun;
  /** False when a report with this externalId was already stored; `run` is that one. */
  created: boolean;
  report: NormalizedReport;
}

/**
 * The one path from a report file to test_runs and test_cases, for uploads and CI artifacts
 * alike: parse, tie to the pull request, deployment and environment, store once.
 * Throws InvalidReportError for a report that cannot be read or placed.
 */
export async function recordTestReport(
  db: Database,
  project: Pick<Project, 'id'>,
  submission: ReportSubmission,
): Promise<RecordedReport> {
  const report = parseTestReport(submission.body, submission.format, {
    suite: submission.suite,
    coveragePct: submission.coveragePct,
  });
  const links = await resolveReportLinks(db, project.id, submission.target);
  if (!links.branch) {
    throw new InvalidReportError(
      'branch is required: no pull request or deployment of this commit names one.',
    );
  }
  const stored = await recordTestRun(
    db,
    {
      projectId: project.id,
      externalId: submission.externalId,
      suite: report.suite,
      commitSha: submission.target.commit,
      branch: links.branch,
      startedAt: report.startedAt ?? submission.receivedAt,
      durationMs: report.durationMs,
      coveragePct: report.coveragePct,
      pullRequestId: links.pullRequestId,
      deploymentId: links.deploymentId,
      environmentId: links.environmentId,
      ciRunId: links.ciRunId,
    },
    report.cases,
  );
  if (stored) return { run: stored, created: true, report };
  const [existing] = await db
    .select()
    .from(testRuns)
    .where(eq(testRuns.externalId, submission.externalId));
  return { run: existing!, created: false, report };
}
