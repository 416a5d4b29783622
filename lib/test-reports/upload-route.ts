import { createHash } from 'node:crypto';
import { getDatabase } from '@/db/client';
import { authorizeRequest, isRefusal } from '@/lib/auth/request-auth';
import { refusalResponse } from '@/lib/http/json-route';
import { requireProject } from '@/lib/http/project';
import { errorResponse, HttpError, jsonResponse } from '@/lib/http/responses';
import { recordTestReport } from './record';
import { DEFAULT_SUITE, formatFromContentType } from './parse';
import { readBodyWithLimit } from './read-body';
import { maxReportBytesFromEnv } from './report-limit';
import { InvalidReportError } from './types';
import { uploadMetadataInput, uploadMetadataSchema } from './upload-metadata';
import { log, requestFields } from '@/lib/observability/log';

/**
 * POST /api/v1/test-runs: one JUnit XML or Playwright JSON report per request, authenticated by
 * a project API token with the `report` scope (a session cannot upload). Checks in a fixed
 * order: metadata and content type (400/415), token (401, 403 without the scope), size (413),
 * report (400), then stores it for the token's project: 201 with the counts, or 200 with the
 * stored run when this report id was uploaded before.
 */
export function testRunUploadRoute(options: { maxBytes?: number } = {}) {
  return async (request: Request): Promise<Response> => {
    try {
      const metadata = uploadMetadataSchema.safeParse(uploadMetadataInput(request));
      if (!metadata.success) {
        return errorResponse(
          400,
          'invalid_metadata',
          'The report metadata (query string or X-Envboard-* headers) is not valid.',
          metadata.error.issues.map((issue) => ({
            path: issue.path.join('.'),
            message: issue.message,
          })),
        );
      }
      const format = formatFromContentType(request.headers.get('content-type'));
      if (!format) {
        return errorResponse(
          415,
          'unsupported_media_type',
          'Send JUnit XML as application/xml (or text/xml), or a Playwright JSON report as application/json.',
        );
      }
      if (!request.headers.get('authorization')) {
        return refusalResponse({
          status: 401,
          code: 'unauthenticated',
          message:
            "An API token with the report scope is required: 'Authorization: Bearer <token>' (npm run upload-token).",
        });
      }
      const authorized = await authorizeRequest(request, { role: 'viewer', scope: 'report' });
      if (isRefusal(authorized)) return refusalResponse(authorized);
      const db = getDatabase();
      const project = await requireProject(db, authorized.actor.projectId);
      const body = await readBodyWithLimit(request, options.maxBytes ?? maxReportBytesFromEnv());
      const { run_id: runId, coverage, suite, ...target } = metadata.data;
      const result = await recordTestReport(db, project, {
        externalId: uploadExternalId(project.id, suite ?? DEFAULT_SUITE[format], target.commit, {
          runId,
          body,
        }),
        body,
        format,
        suite,
        coveragePct: coverage,
        target: {
          ...target,
          githubRunId: runId && /^\d+$/.test(runId) ? Number(runId) : undefined,
        },
        receivedAt: new Date(),
      });
      const { run } = result;
      return jsonResponse(
        {
          data: {
            id: run.id,
            created: result.created,
            suite: run.suite,
            status: run.status,
            commitSha: run.commitSha,
            branch: run.branch,
            counts: {
              total: run.total,
              passed: run.passed,
              failed: run.failed,
              skipped: run.skipped,
              flaky: run.flaky,
            },
            pullRequestId: run.pullRequestId,
            deploymentId: run.deploymentId,
            environmentId: run.environmentId,
          },
        },
        result.created ? 201 : 200,
      );
    } catch (error) {
      if (error instanceof InvalidReportError) {
        return errorResponse(400, 'invalid_report', error.message);
      }
      if (error instanceof HttpError) return errorResponse(error.status, error.code, error.message);
      log.error('POST /api/v1/test-runs failed', error, requestFields(request));
      return errorResponse(500, 'internal_error', 'Something went wrong on our side; try again.');
    }
  };
}

/**
 * Scoped to the project and suite, so one CI run id can carry a unit and an e2e report. Without
 * a run id, the same report body for the same suite is the same report.
 */
function uploadExternalId(
  projectId: number,
  suite: string,
  commit: string,
  report: { runId: string | undefined; body: string },
): string {
  const key =
    report.runId ??
    `sha256:${createHash('sha256').update(`${commit}\n${report.body}`).digest('hex')}`;
  return `upload:${projectId}:${suite}:${key}`;
}
