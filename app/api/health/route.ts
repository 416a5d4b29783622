import { getDatabaseHandle } from '@/db/client';
import { checkHealth } from '@/lib/http/health';
import { jsonResponse } from '@/lib/http/json-route';

export const dynamic = 'force-dynamic';

/** GET /api/health: 200 when the database answers and its migrations are current, else 503. */
export async function GET(): Promise<Response> {
  const report = await checkHealth(getDatabaseHandle);
  return jsonResponse(report, report.status === 'ok' ? 200 : 503);
}
