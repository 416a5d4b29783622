import { z } from 'zod';

/**
 * Vercel's webhook envelope and the deployment-event payload fields envboard reads
 * (https://vercel.com/docs/webhooks/webhooks-api). The envelope's `id` identifies the delivery;
 * `createdAt` (epoch ms) orders events, which Vercel does not deliver in order.
 */
export const vercelEnvelopeSchema = z.object({
  id: z.string().min(1),
  type: z.string().min(1),
  createdAt: z.number(),
  payload: z.unknown(),
});
export type VercelEnvelope = z.output<typeof vercelEnvelopeSchema>;

/** Vercel's metadata values are strings; anything else is dropped rather than refused. */
const meta = z
  .record(z.string(), z.unknown())
  .nullable()
  .optional()
  .transform((value) =>
    Object.fromEntries(
      Object.entries(value ?? {}).filter((entry): entry is [string, string] => {
        return typeof entry[1] === 'string';
      }),
    ),
  );

export const deploymentEventSchema = z.object({
  deployment: z.object({ id: z.string().min(1), url: z.string().min(1), meta }),
  target: z.string().nullable().optional(),
  project: z.object({ id: z.string().min(1) }),
  /** Rollback events name both ends. */
  toDeploymentId: z.string().nullable().optional(),
});
export type DeploymentEvent = z.output<typeof deploymentEventSchema>;
