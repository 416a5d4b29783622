import type { AlertBody } from '@/lib/domain/alerts';
import { headline, plainText } from './labels';
import { truncate } from './truncate';

/*
 * Slack's limits, from https://api.slack.com/reference/block-kit/blocks: at most 50 blocks a
 * message; a section's text ≤ 3,000 characters and ≤ 10 fields of ≤ 2,000 each; a header's text
 * ≤ 150; a context ≤ 10 elements; an actions block ≤ 25 elements, a button's text ≤ 75 and its
 * URL ≤ 3,000. The top-level `text` is the notification and screen-reader fallback
 * (https://api.slack.com/messaging/webhooks); Slack truncates it past 40,000 characters.
 */
export const SLACK_LIMITS = {
  blocks: 50,
  headerText: 150,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  actionElements: 25,
  buttonText: 75,
  buttonUrl: 3000,
  fallbackText: 40_000,
} as const;

type Block = Record<string, unknown>;

/** An alert as a Slack incoming webhook's JSON body: blocks, plus the text fallback. */
export function slackMessage(body: AlertBody): { text: string; blocks: Block[] } {
  const blocks: Block[] = [
    {
      type: 'header',
      text: { type: 'plain_text', text: truncate(headline(body), SLACK_LIMITS.headerText) },
    },
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: truncate(escape(body.summary) || ' ', SLACK_LIMITS.sectionText),
      },
    },
  ];
  // The last block slots stay free for the links and the context line.
  const roomForFields = SLACK_LIMITS.blocks - blocks.length - 2;
  for (let start = 0; start < body.fields.length; start += SLACK_LIMITS.sectionFields) {
    if (blocks.length - 2 >= roomForFields) break;
    blocks.push({
      type: 'section',
      fields: body.fields.slice(start, start + SLACK_LIMITS.sectionFields).map((field) => ({
        type: 'mrkdwn',
        text: truncate(`*${escape(field.label)}*\n${escape(field.value)}`, SLACK_LIMITS.fieldText),
      })),
    });
  }
  const links = body.links
    .filter((link) => link.url.length <= SLACK_LIMITS.buttonUrl)
    .slice(0, SLACK_LIMITS.actionElements);
  if (links.length > 0) {
    blocks.push({
      type: 'actions',
      elements: links.map((link) => ({
        type: 'button',
        text: { type: 'plain_text', text: truncate(link.label, SLACK_LIMITS.buttonText) },
        url: link.url,
      })),
    });
  }
  blocks.push({
    type: 'context',
    elements: [
      {
        type: 'mrkdwn',
        text: truncate(
          [body.environment, body.rule, body.occurredAt].filter(Boolean).join(' · '),
          SLACK_LIMITS.sectionText,
        ),
      },
    ],
  });
  return { text: truncate(plainText(body), SLACK_LIMITS.fallbackText), blocks };
}

/** Slack's mrkdwn treats &, < and > as control characters: https://api.slack.com/reference/surfaces/formatting#escaping */
function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
