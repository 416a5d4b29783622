/*
 * What the sink accepts, checked the way Slack and Discord check it, so a payload over their
 * limits is refused here as it would be there: Slack answers 400 `invalid_blocks`
 * (https://api.slack.com/messaging/webhooks#handling_errors), Discord 400 with the field named.
 */

export const SINK_FORMATS = ['slack', 'discord', 'webhook'] as const;
export type SinkFormat = (typeof SINK_FORMATS)[number];

type Check = { ok: true; text: string } | { ok: false; status: number; error: string };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function checkSlack(body: unknown): Check {
  if (!isRecord(body)) return { ok: false, status: 400, error: 'invalid_payload' };
  const blocks = body.blocks;
  if (blocks !== undefined && (!Array.isArray(blocks) || blocks.length > 50)) {
    return { ok: false, status: 400, error: 'invalid_blocks' };
  }
  for (const block of Array.isArray(blocks) ? blocks : []) {
    const text = isRecord(block) && isRecord(block.text) ? block.text.text : undefined;
    if (typeof text === 'string' && text.length > 3000) {
      return { ok: false, status: 400, error: 'invalid_blocks' };
    }
  }
  if (typeof body.text !== 'string' || body.text.length === 0) {
    if (!blocks) return { ok: false, status: 400, error: 'no_text' };
  }
  return { ok: true, text: typeof body.text === 'string' ? body.text : '' };
}

export function checkDiscord(body: unknown): Check {
  if (!isRecord(body)) return { ok: false, status: 400, error: 'Cannot send an empty message' };
  const content = typeof body.content === 'string' ? body.content : '';
  if (content.length > 2000) {
    return { ok: false, status: 400, error: 'content: Must be 2000 or fewer in length.' };
  }
  const embeds = Array.isArray(body.embeds) ? body.embeds.filter(isRecord) : [];
  if (embeds.length > 10) return { ok: false, status: 400, error: 'embeds: Must be 10 or fewer.' };
  const embedChars = embeds.reduce((sum, embed) => sum + embedLength(embed), 0);
  if (embedChars > 6000) {
    return { ok: false, status: 400, error: 'embeds: Embed size exceeds maximum size of 6000' };
  }
  if (!content && embeds.length === 0) {
    return { ok: false, status: 400, error: 'Cannot send an empty message' };
  }
  const first = embeds[0];
  const text = [content, first?.description].filter((part) => typeof part === 'string' && part);
  return { ok: true, text: text.join('\n') };
}

export function checkWebhook(body: unknown): Check {
  if (!isRecord(body) || body.version !== 1) {
    return { ok: false, status: 400, error: 'expected an envboard payload of version 1' };
  }
  return { ok: true, text: [body.title, body.summary].filter(Boolean).join('\n') };
}

function embedLength(embed: Record<string, unknown>): number {
  const text = (value: unknown) => (typeof value === 'string' ? value.length : 0);
  const fields = Array.isArray(embed.fields) ? embed.fields.filter(isRecord) : [];
  const footer = isRecord(embed.footer) ? embed.footer.text : undefined;
  return (
    text(embed.title) +
    text(embed.description) +
    text(footer) +
    fields.reduce((sum, field) => sum + text(field.name) + text(field.value), 0)
  );
}
