import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import { ActionFailure } from '@/lib/auth/guard';
import { authorizeRequest, isRefusal } from '@/lib/auth/request-auth';
import {
  OPERATION_REQUEST_ROLE,
  operationRequestSchema,
  requestOperation,
} from '@/lib/operations/api-request';
import { refusalResponse } from './json-route';
import { errorResponse, jsonResponse } from './responses';
import { log } from '@/lib/observability/log';

/** How each refusal of the operations engine answers over HTTP; anything else conflicts (409). */
const REFUSAL_STATUS: Record<string, number> = {
  invalid_input: 400,
  forbidden: 403,
  not_found: 404,
};

/**
 * POST /api/v1/operations in the fixed order: parse the JSON body (400) → authenticate (401) →
 * authorize the scope and the role the kind needs (403) → start the operation, whose refusals
 * answer 400/403/404, or 409 when the state of things refuses it (another operation in flight,
 * a precondition, a deleted preview, a request key already used).
 */
export async function operationsPostRoute(request: Request): Promise<Response> {
  let body: unknown;
  try {
    // Read from a clone: the session check may still need to copy the request.
    body = await request.clone().json();
  } catch {
    return errorResponse(400, 'invalid_body', 'The body must be a JSON object.');
  }
  const parsed = operationRequestSchema.safeParse(body);
  if (!parsed.success) {
    return errorResponse(
      400,
      'invalid_body',
      'The operation request is not valid.',
      parsed.error.issues.map((issue) => ({
        path: issue.path.join('.'),
        message: issue.message,
      })),
    );
  }
  try {
    const authorized = await authorizeRequest(request, {
      role: OPERATION_REQUEST_ROLE[parsed.data.kind],
      scope: 'operate',
    });
    if (isRefusal(authorized)) return refusalResponse(authorized);
    const progress = await requestOperation(authorized.actor, parsed.data);
    const response = jsonResponse({ data: progress }, 202);
    response.headers.set('location', `/api/v1/operations/${progress.id}`);
    return response;
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof ActionFailure) {
      return errorResponse(REFUSAL_STATUS[error.code] ?? 409, error.code, error.message);
    }
    log.error('POST /api/v1/operations failed', error);
    return errorResponse(500, 'internal_error', 'Something went wrong on our side; try again.');
  }
}
