import { z } from 'zod';
import { OPERATION_KINDS, OPERATION_STATES } from '@/lib/domain/audit';
import { optionalParam, optionalText, pageParams } from '@/lib/http/query-params';

export const auditQuerySchema = z.object({
  actor: optionalText,
  action: optionalParam(z.enum(OPERATION_KINDS)),
  environment: optionalText,
  outcome: optionalParam(z.enum(OPERATION_STATES)),
  ...pageParams,
});
