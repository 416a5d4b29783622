import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DEFAULT_PGLITE_DIR } from '@/db/pglite-dir';

const MIN_LENGTH = 32;

/** Secrets already read, by file: the proxy asks on every request. */
const known = new Map<string, string>();

/**
 * Where a local run keeps its session secret: beside the embedded database's folder
 * (`.data/pglite.session-secret` by default), so `rm -rf .data` starts over with a new one.
 */
export function developmentSecretPath(pgliteDir: string | undefined): string {
  return `${resolve(pgliteDir || DEFAULT_PGLITE_DIR)}.session-secret`;
}

/**
 * The session secret of a run without NEXTAUTH_SECRET: 32 random bytes, written once (readable by
 * this user only) and read back on every later start, so sessions survive restarts and nobody can
 * work the secret out from where the checkout lives.
 */
export function developmentSecret(path: string): string {
  const cached = known.get(path);
  if (cached) return cached;
  const secret = readSecret(path) ?? createSecret(path);
  known.set(path, secret);
  return secret;
}

function readSecret(path: string): string | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  if (text.length < MIN_LENGTH) {
    throw new Error(
      `The development session secret in ${path} is shorter than ${MIN_LENGTH} characters: delete the file to get a new one, or set NEXTAUTH_SECRET.`,
    );
  }
  return text;
}

function createSecret(path: string): string {
  mkdirSync(dirname(path), { recursive: true });
  // Written whole under another name, then linked into place: a server starting at the same time
  // either wins the link or reads the complete file the other one linked, never half of it.
  const draft = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(draft, randomBytes(32).toString('base64'), { mode: 0o600 });
  try {
    linkSync(draft, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    rmSync(draft, { force: true });
  }
  return readSecret(path)!;
}
