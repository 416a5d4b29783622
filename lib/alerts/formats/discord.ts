import type { AlertBody } from '@/lib/domain/alerts';
import { colourOf, headline } from './labels';
import { truncate } from './truncate';

/*
 * Discord's limits, from https://discord.com/developers/docs/resources/message#embed-object-embed-limits
 * and https://discord.com/developers/docs/resources/webhook#execute-webhook: `content` ≤ 2,000
 * characters; an embed's title ≤ 256, description ≤ 4,096, ≤ 25 fields with names ≤ 256 and
 * values ≤ 1,024, footer ≤ 2,048; all of a message's embeds together ≤ 6,000 characters.
 */
export const DISCORD_LIMITS = {
  content: 2000,
  username: 80,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  embedTotal: 6000,
} as const;

interface EmbedField {
  name: string;
  value: string;
  inline: boolean;
}

/** An alert as a Discord webhook's JSON body: a short `content` line and one embed. */
export function discordMessage(body: AlertBody) {
  const title = truncate(headline(body), DISCORD_LIMITS.title);
  const footer = truncate(
    [body.environment, body.rule].filter(Boolean).join(' · '),
    DISCORD_LIMITS.footer,
  );
  // The title and footer first; the description and fields share what is left of 6,000.
  let room = DISCORD_LIMITS.embedTotal - title.length - footer.length;
  const description = truncate(body.summary || ' ', Math.min(DISCORD_LIMITS.description, room));
  room -= description.length;
  const fields: EmbedField[] = [];
  const entries = [
    ...body.fields.map((field) => ({ name: field.label, value: field.value })),
    ...body.links.map((link) => ({ name: link.label, value: link.url })),
  ];
  for (const entry of entries.slice(0, DISCORD_LIMITS.fields)) {
    const name = truncate(entry.name || '—', DISCORD_LIMITS.fieldName);
    const value = truncate(entry.value || '—', DISCORD_LIMITS.fieldValue);
    if (name.length + value.length > room) break;
    room -= name.length + value.length;
    fields.push({ name, value, inline: value.length <= 40 });
  }
  return {
    username: 'envboard',
    content: truncate(title, DISCORD_LIMITS.content),
    // No @everyone or role pings from text the board did not write.
    allowed_mentions: { parse: [] as string[] },
    embeds: [
      {
        title,
        description,
        color: colourOf(body),
        fields,
        footer: { text: footer || 'envboard' },
        timestamp: body.occurredAt,
      },
    ],
  };
}
