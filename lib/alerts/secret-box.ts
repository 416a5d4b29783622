import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/*
 * AES-256-GCM for the secrets the board stores (channel URLs, signing secrets): a fresh 12-byte
 * nonce per value, and the tag checked on the way out, so a changed ciphertext or a wrong key
 * fails loudly instead of decrypting to garbage. Stored as `v1.<nonce>.<tag>.<ciphertext>`,
 * base64url, so the format can change later without guessing.
 */

const VERSION = 'v1';

export function encryptSecret(plaintext: string, key: Buffer): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [VERSION, nonce, cipher.getAuthTag(), ciphertext]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

export function decryptSecret(stored: string, key: Buffer): string {
  const [version, nonce, tag, ciphertext] = stored.split('.');
  if (version !== VERSION || !nonce || !tag || ciphertext === undefined) {
    throw new Error('The stored secret is not in a format this version can read.');
  }
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(nonce, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  try {
    return Buffer.concat([
      decipher.update(Buffer.from(ciphertext, 'base64url')),
      decipher.final(),
    ]).toString('utf8');
  } catch {
    throw new Error(
      'The stored secret cannot be decrypted: ENVBOARD_ENCRYPTION_KEY is not the key it was encrypted with.',
    );
  }
}
