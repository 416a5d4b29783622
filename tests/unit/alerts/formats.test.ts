import { describe, expect, test } from 'vitest';
import { DISCORD_LIMITS, discordMessage } from '@/lib/alerts/formats/discord';
import { SLACK_LIMITS, slackMessage } from '@/lib/alerts/formats/slack';
import { truncate } from '@/lib/alerts/formats/truncate';
import { signWebhook, webhookPayload } from '@/lib/alerts/formats/webhook';
import type { AlertBody } from '@/lib/domain/alerts';
import { checkDiscord, checkSlack } from '@/sandbox/chat-sink/formats';
import { verifySignature } from '@/sandbox/chat-sink/signature';

function alertBody(overrides: Partial<AlertBody> = {}): AlertBody {
  return {
    rule: 'environment_down',
    event: 'firing',
    severity: 'page',
    title: 'Production is down',
    summary: 'The health check answered 503 twice in a row.',
    fields: [{ label: 'Failing since', value: '2026-12-07T06:00:00Z' }],
    links: [{ label: 'Uptime', url: 'https://envboard.example/uptime' }],
    environment: 'production',
    occurredAt: '2026-12-07T06:10:00.000Z',
    ...overrides,
  };
}

/** Everything too long at once: a summary, 200 fields and 40 links far over every limit. */
const oversized = alertBody({
  title: 'T'.repeat(5000),
  summary: `${'S'.repeat(9000)} <@everyone> & more`,
  fields: Array.from({ length: 200 }, (_, index) => ({
    label: `Label ${index} ${'l'.repeat(400)}`,
    value: 'v'.repeat(3000),
  })),
  links: Array.from({ length: 40 }, (_, index) => ({
    label: `Link ${index} ${'k'.repeat(100)}`,
    url: `https://envboard.example/${index}`,
  })),
});

describe('truncate', () => {
  test('keeps text within the limit and marks the cut', () => {
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('abc', 4)).toBe('abc');
  });

  test('never splits an emoji in half', () => {
    const cut = truncate('ab😀cd', 4);
    expect(cut).toBe('ab…');
    expect(cut.length).toBeLessThanOrEqual(4);
  });
});

describe('Slack message', () => {
  test('has blocks and a plain-text fallback naming the alert', () => {
    const message = slackMessage(alertBody());
    expect(message.text).toContain('Firing: Production is down');
    expect(message.blocks[0]).toMatchObject({ type: 'header' });
    expect(checkSlack(message)).toMatchObject({ ok: true });
  });

  test('stays within Slack limits for oversized input', () => {
    const message = slackMessage(oversized);
    expect(message.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocks);
    for (const block of message.blocks) {
      const text = (block.text as { text?: string } | undefined)?.text;
      if (block.type === 'header')
        expect(text!.length).toBeLessThanOrEqual(SLACK_LIMITS.headerText);
      if (text) expect(text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
      const fields = (block.fields ?? []) as { text: string }[];
      expect(fields.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionFields);
      for (const field of fields)
        expect(field.text.length).toBeLessThanOrEqual(SLACK_LIMITS.fieldText);
      const elements = (block.elements ?? []) as unknown[];
      expect(elements.length).toBeLessThanOrEqual(SLACK_LIMITS.actionElements);
    }
    expect(message.text.length).toBeLessThanOrEqual(SLACK_LIMITS.fallbackText);
    expect(checkSlack(message)).toMatchObject({ ok: true });
  });

  test("escapes Slack's control characters in text it did not write", () => {
    const message = slackMessage(alertBody({ summary: '<!channel> & <b>' }));
    expect(JSON.stringify(message.blocks)).toContain('&lt;!channel&gt; &amp; &lt;b&gt;');
  });
});

describe('Discord message', () => {
  test('has content and one embed, and pings nobody', () => {
    const message = discordMessage(alertBody());
    expect(message.content).toBe('Firing: Production is down');
    expect(message.embeds).toHaveLength(1);
    expect(message.allowed_mentions).toEqual({ parse: [] });
    expect(checkDiscord(message)).toMatchObject({ ok: true });
  });

  test("stays within Discord's limits for oversized input", () => {
    const message = discordMessage(oversized);
    const [embed] = message.embeds;
    expect(message.content.length).toBeLessThanOrEqual(DISCORD_LIMITS.content);
    expect(embed!.title.length).toBeLessThanOrEqual(DISCORD_LIMITS.title);
    expect(embed!.description.length).toBeLessThanOrEqual(DISCORD_LIMITS.description);
    expect(embed!.fields.length).toBeLessThanOrEqual(DISCORD_LIMITS.fields);
    for (const field of embed!.fields) {
      expect(field.name.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldName);
      expect(field.value.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldValue);
    }
    const total =
      embed!.title.length +
      embed!.description.length +
      embed!.footer.text.length +
      embed!.fields.reduce((sum, field) => sum + field.name.length + field.value.length, 0);
    expect(total).toBeLessThanOrEqual(DISCORD_LIMITS.embedTotal);
    expect(checkDiscord(message)).toMatchObject({ ok: true });
  });
});

describe('generic webhook', () => {
  test('payload is versioned and carries the message id', () => {
    expect(webhookPayload(alertBody(), 'key-1')).toMatchObject({
      version: 1,
      id: 'key-1',
      event: 'firing',
      rule: 'environment_down',
    });
  });

  test('a receiver verifies the signature over timestamp and body, and refuses a changed body', () => {
    const at = new Date('2026-12-07T06:10:00Z');
    const raw = JSON.stringify(webhookPayload(alertBody(), 'key-1'));
    const header = signWebhook(raw, 'whsec_test', at);
    const now = Math.floor(at.getTime() / 1000);
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifySignature(header, raw, 'whsec_test', now)).toBe(true);
    expect(verifySignature(header, `${raw} `, 'whsec_test', now)).toBe(false);
    expect(verifySignature(header, raw, 'another secret', now)).toBe(false);
    // A request replayed ten minutes later is refused.
    expect(verifySignature(header, raw, 'whsec_test', now + 600)).toBe(false);
  });
});
