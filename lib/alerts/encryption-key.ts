import { createHash } from 'node:crypto';
import { developmentSecret } from '@/lib/auth/development-secret';
import { DEFAULT_PGLITE_DIR } from '@/db/pglite-dir';
import { resolve } from 'node:path';
import { currentEnv, type Env } from '@/lib/settings/env';
import { alertsEnv } from '@/lib/settings/schemas';

const KEY_BYTES = 32;
const keyEnv = alertsEnv.pick({ NODE_ENV: true, PGLITE_DIR: true, ENVBOARD_ENCRYPTION_KEY: true });

/** Where a local run keeps its encryption key: beside the embedded database, like its session secret. */
export function developmentKeyPath(pgliteDir: string | undefined): string {
  return `${resolve(pgliteDir || DEFAULT_PGLITE_DIR)}.encryption-key`;
}

/**
 * The AES-256 key that alert channel URLs and signing secrets are encrypted with: 32 bytes,
 * given as base64 (or 64 hex digits) in ENVBOARD_ENCRYPTION_KEY. Production refuses to start
 * without it. Elsewhere a random key is made on first use and kept in the local data folder, so
 * `npm run dev` needs no configuration and channels survive restarts.
 */
export function alertEncryptionKey(env: Env = currentEnv()): Buffer {
  const { NODE_ENV, PGLITE_DIR, ENVBOARD_ENCRYPTION_KEY } = keyEnv.parse(env);
  if (ENVBOARD_ENCRYPTION_KEY) return parseKey(ENVBOARD_ENCRYPTION_KEY);
  if (NODE_ENV === 'production') {
    throw new Error(
      'ENVBOARD_ENCRYPTION_KEY is required in production: set it to 32 random bytes in base64 (openssl rand -base64 32).',
    );
  }
  // The stored secret is random text; hashing it gives exactly the 32 bytes AES-256 takes.
  return createHash('sha256')
    .update(developmentSecret(developmentKeyPath(PGLITE_DIR)))
    .digest();
}

function parseKey(text: string): Buffer {
  const key = /^[0-9a-f]{64}$/i.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
  if (key.length !== KEY_BYTES) {
    throw new Error(
      `ENVBOARD_ENCRYPTION_KEY must be ${KEY_BYTES} bytes in base64 or hex (openssl rand -base64 32); it decodes to ${key.length}.`,
    );
  }
  return key;
}
