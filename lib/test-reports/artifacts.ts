import { strFromU8 } from 'fflate';
import type { Database } from '@/db/client';
import type { Project } from '@/db/schema';
import { ProviderError } from '@/lib/providers/errors';
import type { GitHubClient, WorkflowRun } from '@/lib/providers/github/types';
import { readReportZip, type ReportZip, type ReportZipLimits } from './artifact-zip';
import { recordTestReport } from './record';
import { DEFAULT_SUITE } from './parse';
import { InvalidReportError, type ReportFormat, type TestSuiteKind } from './types';

/** The artifact name CI uploads its reports under (actions/upload-artifact `name:`). */
const TEST_RESULTS_ARTIFACT = 'test-results';
/** Zips past this are not fetched: Playwright traces and videos can make them huge. */
export const MAX_ARTIFACT_BYTES = 100 * 1024 * 1024;
/** A single report past this is skipped rather than held in memory whole. */
const MAX_REPORT_FILE_BYTES = 50 * 1024 * 1024;
/**
 * What a fetched zip may hold, read from its central directory before anything is inflated:
 * a few dozen reports and their attachments fit easily; a zip bomb does not.
 */
const ARTIFACT_ZIP_LIMITS: ReportZipLimits = {
  maxEntries: 1_000,
  maxTotalBytes: 100 * 1024 * 1024,
  maxFileBytes: MAX_REPORT_FILE_BYTES,
};

interface RecordedArtifactFile {
  artifactId: number;
  file: string;
  testRunId: number;
  /** False when this artifact file had been recorded before. */
  created: boolean;
}

interface RejectedArtifactFile {
  artifactId: number;
  /** Absent when the whole artifact was passed over. */
  file?: string;
  reason: string;
}

interface ArtifactSummary {
  recorded: RecordedArtifactFile[];
  rejected: RejectedArtifactFile[];
  /** Set when the run's artifacts were not even listed, and why (a fork's run). */
  refused?: string;
}

/**
 * Records every JUnit `.xml` and Playwright `.json` report inside the `test-results` artifacts
 * of a workflow run, through the same path as an upload. Each file is stored once, keyed by
 * artifact id and path, so calling this again for the same run adds nothing. A file that is
 * not a report (coverage JSON, say) is listed in `rejected` and does not stop the others; a
 * GitHub failure (ProviderError) does, so the caller's sync can record it and try later.
 * Only runs of the project's own repository are read: a fork's workflow writes whatever it
 * likes into its artifacts.
 */
export async function recordRunArtifacts(
  db: Database,
  project: Pick<Project, 'id' | 'githubOwner' | 'githubRepo'>,
  github: Pick<GitHubClient, 'listRunArtifacts' | 'downloadArtifact'>,
  run: WorkflowRun,
  limits: ReportZipLimits = ARTIFACT_ZIP_LIMITS,
): Promise<ArtifactSummary> {
  const summary: ArtifactSummary = { recorded: [], rejected: [] };
  const repository = `${project.githubOwner}/${project.githubRepo}`;
  if (run.headRepository?.toLowerCase() !== repository.toLowerCase()) {
    const from = run.headRepository ?? 'an unknown repository';
    return { ...summary, refused: `the run is from ${from}, not ${repository}` };
  }
  const artifacts = await github.listRunArtifacts(run.id, TEST_RESULTS_ARTIFACT);
  for (const artifact of artifacts) {
    if (artifact.expired) {
      summary.rejected.push({ artifactId: artifact.id, reason: 'the artifact has expired' });
      continue;
    }
    if (artifact.sizeInBytes > MAX_ARTIFACT_BYTES) {
      const reason = `the artifact is ${artifact.sizeInBytes} bytes, over ${MAX_ARTIFACT_BYTES}`;
      summary.rejected.push({ artifactId: artifact.id, reason });
      continue;
    }
    const zip = await downloadUnlessExpired(github, artifact.id);
    if (!zip) {
      summary.rejected.push({ artifactId: artifact.id, reason: 'the artifact has expired' });
      continue;
    }
    let contents: ReportZip;
    try {
      contents = readReportZip(zip, limits);
    } catch (error) {
      if (!(error instanceof InvalidReportError)) throw error;
      summary.rejected.push({ artifactId: artifact.id, reason: error.message });
      continue;
    }
    const { files, tooLarge } = contents;
    for (const { path, size } of tooLarge) {
      const reason = `the file is ${size} bytes, over ${limits.maxFileBytes}`;
      summary.rejected.push({ artifactId: artifact.id, file: path, reason });
    }
    for (const { path, format, bytes } of files) {
      try {
        const { run: stored, created } = await recordTestReport(db, project, {
          externalId: `github-artifact:${artifact.id}:${path}`,
          body: strFromU8(bytes),
          format,
          suite: suiteFromPath(path, format),
          target: {
            commit: run.headSha,
            branch: run.headBranch ?? undefined,
            pr: run.pullRequestNumbers[0],
            githubRunId: run.id,
          },
          receivedAt: run.updatedAt,
        });
        summary.recorded.push({
          artifactId: artifact.id,
          file: path,
          testRunId: stored.id,
          created,
        });
      } catch (error) {
        if (!(error instanceof InvalidReportError)) throw error;
        summary.rejected.push({ artifactId: artifact.id, file: path, reason: error.message });
      }
    }
  }
  return summary;
}

/** Null when GitHub answers 410: the artifact expired after it was listed. */
async function downloadUnlessExpired(
  github: Pick<GitHubClient, 'downloadArtifact'>,
  artifactId: number,
): Promise<Uint8Array | null> {
  try {
    return await github.downloadArtifact(artifactId);
  } catch (error) {
    if (error instanceof ProviderError && error.status === 410) return null;
    throw error;
  }
}

/**
 * CI usually names reports after their suite (`unit.xml`, `e2e/results.json`,
 * `integration/junit.xml`); otherwise the format's usual suite.
 */
export function suiteFromPath(path: string, format: ReportFormat): TestSuiteKind {
  const words = new Set(path.toLowerCase().split(/[^a-z0-9]+/));
  if (words.has('e2e') || words.has('playwright')) return 'e2e';
  if (words.has('integration')) return 'integration';
  if (words.has('unit')) return 'unit';
  return DEFAULT_SUITE[format];
}
