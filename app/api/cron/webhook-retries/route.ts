import { getDb } from '@/db/client';
import { webhookRetryJob } from '@/lib/ingest/retry';
import { cronRoute } from '@/lib/http/cron-route';
import { runSync } from '@/lib/sync/run-sync';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** GET /api/cron/webhook-retries — applies failed webhook deliveries whose retry time has come. */
export const GET = cronRoute(async () => runSync(getDb(), webhookRetryJob()));
