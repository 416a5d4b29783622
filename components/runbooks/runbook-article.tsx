import Link from 'next/link';
import {
  type RenderedRunbook,
  RUNBOOK_NAMES,
  RUNBOOK_TITLE,
  runbookPath,
} from '@/lib/domain/runbooks';

// The rendered markdown's elements, styled from the article: the HTML comes from marked, not JSX.
const PROSE = [
  'min-w-0 max-w-3xl text-sm leading-6 text-ink',
  '[&_h1]:mb-4 [&_h1]:text-xl [&_h1]:font-semibold [&_h1]:tracking-tight',
  '[&_h2]:mt-8 [&_h2]:mb-2 [&_h2]:text-base [&_h2]:font-semibold',
  '[&_h3]:mt-6 [&_h3]:mb-2 [&_h3]:font-semibold',
  '[&_p]:my-3 [&_ul]:my-3 [&_ul]:list-disc [&_ul]:pl-6 [&_ol]:my-3 [&_ol]:list-decimal [&_ol]:pl-6',
  '[&_li]:my-1 [&_a]:text-sky-800 [&_a]:underline [&_strong]:font-semibold',
  '[&_code]:rounded [&_code]:bg-subtle [&_code]:px-1 [&_code]:font-mono [&_code]:text-[0.8125rem]',
  '[&_pre]:my-3 [&_pre]:overflow-x-auto [&_pre]:rounded-md [&_pre]:bg-subtle [&_pre]:p-3',
  '[&_pre_code]:bg-transparent [&_pre_code]:p-0',
  '[&_table]:my-3 [&_table]:w-full [&_table]:border-collapse [&_th]:border-b [&_th]:border-border',
  '[&_th]:py-1 [&_th]:pr-3 [&_th]:text-left [&_td]:border-b [&_td]:border-border [&_td]:py-1 [&_td]:pr-3',
  '[&_blockquote]:border-l-4 [&_blockquote]:border-border [&_blockquote]:pl-3 [&_blockquote]:text-muted',
].join(' ');

/** A runbook's text beside the list of every runbook. */
export function RunbookArticle({ runbook }: { runbook: RenderedRunbook }) {
  return (
    <div className="flex flex-col gap-8 lg:flex-row">
      <article
        className={PROSE}
        data-testid="runbook"
        // Rendered by marked from docs/runbooks with raw HTML escaped (lib/runbooks).
        dangerouslySetInnerHTML={{ __html: runbook.html }}
      />
      <nav aria-label="Runbooks" className="shrink-0 text-sm lg:w-56">
        <h2 className="mb-2 text-xs font-semibold tracking-wide text-muted uppercase">Runbooks</h2>
        <ul className="flex flex-col gap-1">
          {RUNBOOK_NAMES.map((name) => (
            <li key={name}>
              <Link
                href={runbookPath(name)}
                aria-current={name === runbook.name ? 'page' : undefined}
                className={
                  name === runbook.name
                    ? 'font-semibold text-ink'
                    : 'text-muted hover:text-ink hover:underline'
                }
              >
                {RUNBOOK_TITLE[name]}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}
