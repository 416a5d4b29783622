import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import * as schemas from '@/lib/providers/neon/schemas';
import {
  branchChangeSchema,
  branchConsumptionSchema,
  branchListSchema,
  branchResponseSchema,
  connectionUriSchema,
  createdBranchSchema,
  operationListSchema,
  operationResponseSchema,
  projectConsumptionSchema,
} from '@/lib/providers/neon/schemas';
import { neonContract } from './support/documents';
import { stricterThanDocument } from './support/zod-leniency';

/**
 * The Neon client's zod schemas accept everything Neon's document allows: nothing it marks
 * optional or nullable is required or non-null in the client.
 */

const contract = neonContract();
const project = '/projects/{project_id}';
const answers: [string, string, number, z.ZodType][] = [
  ['GET', `${project}/branches`, 200, branchListSchema],
  ['GET', `${project}/branches/{branch_id}`, 200, branchResponseSchema],
  ['POST', `${project}/branches`, 201, createdBranchSchema],
  ['PATCH', `${project}/branches/{branch_id}`, 200, branchChangeSchema],
  ['DELETE', `${project}/branches/{branch_id}`, 200, branchChangeSchema],
  ['POST', `${project}/branches/{branch_id}/restore`, 200, branchChangeSchema],
  ['GET', `${project}/connection_uri`, 200, connectionUriSchema],
  ['GET', `${project}/operations`, 200, operationListSchema],
  ['GET', `${project}/operations/{operation_id}`, 200, operationResponseSchema],
  ['GET', '/consumption_history/v2/projects', 200, projectConsumptionSchema],
  ['GET', '/consumption_history/v2/branches', 200, branchConsumptionSchema],
];

describe('the Neon client’s schemas against Neon’s OpenAPI document', () => {
  it.each(answers)('%s %s %i: no stricter than documented', (method, template, status, schema) => {
    const documented = contract.responseSchema(method, template, status);
    expect(stricterThanDocument(contract, schema, documented)).toEqual([]);
  });

  it('covers every answer schema the client parses with', () => {
    const parts: unknown[] = [
      schemas.operationSchema,
      schemas.branchSchema,
      schemas.endpointSchema,
    ];
    const covered = new Set(answers.map((answer) => answer[3]));
    const uncovered = Object.entries(schemas)
      .filter(([, value]) => value instanceof z.ZodType && !parts.includes(value))
      .filter(([, value]) => !covered.has(value as z.ZodType))
      .map(([name]) => name);
    expect(uncovered).toEqual([]);
  });
});
