import type { AlertChannel } from '@/db/schema';
import type { AlertChannelKind } from '@/lib/domain/alerts';
import { decryptSecret } from './secret-box';

/** A channel as the sender needs it: the URL and signing secret decrypted, in memory only. */
export interface OpenChannel {
  id: number;
  kind: AlertChannelKind;
  url: string;
  signingSecret: string | null;
}

export function openChannel(channel: AlertChannel, key: Buffer): OpenChannel {
  return {
    id: channel.id,
    kind: channel.kind as AlertChannelKind,
    url: decryptSecret(channel.urlCiphertext, key),
    signingSecret: channel.signingSecretCiphertext
      ? decryptSecret(channel.signingSecretCiphertext, key)
      : null,
  };
}

/**
 * The URL as the board may show it: the host, the path's first segment and the last four
 * characters, e.g. `hooks.slack.com/services/…Qk3f`. The token part of a webhook URL, which is
 * what lets anyone post, never shows.
 */
export function maskUrl(url: string): string {
  const parsed = new URL(url);
  const [first] = parsed.pathname.split('/').filter(Boolean);
  const tail = url.replace(/\/+$/, '').slice(-4);
  return `${parsed.host}${first ? `/${first}` : ''}/…${tail}`;
}
