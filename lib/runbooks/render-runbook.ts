import 'server-only';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Marked, type Tokens } from 'marked';
import {
  isRunbookName,
  type RenderedRunbook,
  type RunbookName,
  runbookPath,
} from '@/lib/domain/runbooks';

/**
 * The runbooks are the markdown files in docs/runbooks/, read at request time from the server's
 * own copy (next.config.ts traces the folder into the build output, so a Vercel function has it).
 * Raw HTML in a file is shown as text, never rendered, and a link to a sibling runbook
 * (`rollback.md#verify`) becomes the board's page for it.
 */

const RUNBOOKS_DIR = path.join(process.cwd(), 'docs', 'runbooks');

function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

/** A sibling runbook's file becomes its page; a script URL goes nowhere. */
export function runbookHref(href: string): string {
  if (/^\s*(javascript|data|vbscript):/i.test(href)) return '#';
  const sibling = /^(?:\.\/)?([a-z-]+)\.md(#[\w-]*)?$/.exec(href);
  if (sibling && isRunbookName(sibling[1]!)) return `${runbookPath(sibling[1])}${sibling[2] ?? ''}`;
  return href;
}

const markdown = new Marked({
  gfm: true,
  renderer: {
    html: ({ text }) => escapeHtml(text),
  },
  walkTokens: (token) => {
    if (token.type === 'link') (token as Tokens.Link).href = runbookHref(token.href);
  },
});

/** The runbook's markdown as HTML safe to set: no raw HTML from the file survives. */
export function renderRunbookMarkdown(source: string): string {
  return markdown.parse(source, { async: false });
}

export async function renderRunbook(name: RunbookName): Promise<RenderedRunbook> {
  const source = await readFile(path.join(RUNBOOKS_DIR, `${name}.md`), 'utf8');
  return { name, html: renderRunbookMarkdown(source) };
}
