import type { ReceivedMessage } from './index';

const escape = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** The sink's listing as a page a person reads: newest first, what arrived and how it was answered. */
export function renderListing(messages: readonly ReceivedMessage[]): string {
  const rows = messages
    .map(
      (message) => `<tr>
  <td>${escape(message.receivedAt)}</td>
  <td>${escape(message.format)}</td>
  <td>${escape(message.channel)}</td>
  <td>${message.answeredStatus}</td>
  <td>${escape(message.signature ?? '—')}</td>
  <td><pre>${escape(message.text)}</pre></td>
</tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>envboard chat sink</title>
<style>body{font:14px system-ui,sans-serif;margin:2rem;color:#1f2937}table{border-collapse:collapse;width:100%}
td,th{border-bottom:1px solid #e5e7eb;padding:.4rem .6rem;text-align:left;vertical-align:top}
pre{margin:0;white-space:pre-wrap;font:inherit}</style></head>
<body><h1>Chat sink</h1>
<p>Slack- and Discord-format webhooks and envboard's signed JSON webhooks sent to this machine, newest first
(${messages.length} received). Post to <code>/slack/&lt;name&gt;</code>, <code>/discord/&lt;name&gt;</code> or
<code>/webhook/&lt;name&gt;</code>; the same list as JSON is at <a href="/messages">/messages</a>.</p>
${
  messages.length === 0
    ? "<p>Nothing yet: add a channel on envboard's Alerts page with a URL here, and press Send test.</p>"
    : `<table><thead><tr><th>Received</th><th>Format</th><th>Channel</th><th>Answered</th><th>Signature</th><th>Text</th></tr></thead>
<tbody>${rows}</tbody></table>`
}
</body></html>`;
}
