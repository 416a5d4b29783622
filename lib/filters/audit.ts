import { z } from 'zod';
import { AUDIT_ACTIONS, OPERATION_STATES } from '@/lib/domain/audit';
import { optionalParam, optionalText, pageParams } from '@/lib/http/query-params';

/** The audit log's filters, all in the URL. */
export const auditFiltersSchema = z.object({
  /** The actor's GitHub login. */
  actor: optionalText,
  action: optionalParam(z.enum(AUDIT_ACTIONS)),
  /** Environment slug. */
  environment: optionalText,
  outcome: optionalParam(z.enum(OPERATION_STATES)),
});
export type AuditFilters = z.output<typeof auditFiltersSchema>;

export const auditQuerySchema = auditFiltersSchema.extend(pageParams);
