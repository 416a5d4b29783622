import { readdirSync } from 'node:fs';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { RunbookLink } from '@/components/runbooks/runbook-link';
import { RUNBOOK_NAMES } from '@/lib/domain/runbooks';
import { renderRunbook, renderRunbookMarkdown, runbookHref } from '@/lib/runbooks/render-runbook';

describe('runbooks', () => {
  it('has one markdown file per runbook name, and no other', () => {
    const files = readdirSync('docs/runbooks').filter((file) => file.endsWith('.md'));
    expect(files.sort()).toEqual(RUNBOOK_NAMES.map((name) => `${name}.md`).sort());
  });

  it.each(RUNBOOK_NAMES)(
    '%s says when, who, the steps, how to verify and when to escalate',
    async (name) => {
      const { html } = await renderRunbook(name);
      for (const heading of ['Who does what', 'Verify', 'Escalate']) {
        expect(html).toContain(`<h2>${heading}</h2>`);
      }
      expect(html).toMatch(/<h2>Steps/);
      expect(html).toContain('Use this runbook');
    },
  );

  it('ends the incident runbook with a postmortem template', async () => {
    const { html } = await renderRunbook('incident');
    expect(html).toMatch(/<h2>Postmortem template<\/h2>[\s\S]*# Postmortem:/);
  });

  it('shows raw HTML as text and never renders it', () => {
    const html = renderRunbookMarkdown(
      'Hello <script>alert(1)</script>\n\n<img src=x onerror=alert(1)>',
    );
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;');
  });

  it('turns a link to a sibling runbook into its page, and a script URL into nothing', () => {
    expect(runbookHref('rollback.md')).toBe('/runbooks/rollback');
    expect(runbookHref('./stuck-operation.md#verify')).toBe('/runbooks/stuck-operation#verify');
    expect(runbookHref('https://www.vercel-status.com/')).toBe('https://www.vercel-status.com/');
    expect(runbookHref('javascript:alert(1)')).toBe('#');
    expect(renderRunbookMarkdown('[go](javascript:alert(1))')).not.toContain('javascript:');
  });

  it('links each runbook through RunbookLink', () => {
    const html = renderToStaticMarkup(createElement(RunbookLink, { name: 'rollback' }));
    expect(html).toContain('href="/runbooks/rollback"');
    expect(html).toContain('Roll production back runbook');
  });
});
