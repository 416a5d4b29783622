import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { RunbookArticle } from '@/components/runbooks/runbook-article';
import { requireRole } from '@/lib/auth';
import { isRunbookName, RUNBOOK_TITLE } from '@/lib/domain/runbooks';
import { renderRunbook } from '@/lib/runbooks/render-runbook';

type Props = { params: Promise<{ name: string }> };

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { name } = await props.params;
  return { title: isRunbookName(name) ? `${RUNBOOK_TITLE[name]} runbook` : 'Runbook' };
}

/** A runbook from docs/runbooks/, for any signed-in member. */
export default async function RunbookPage(props: Props) {
  await requireRole('viewer');
  const { name } = await props.params;
  if (!isRunbookName(name)) notFound();
  const runbook = await renderRunbook(name);
  return <RunbookArticle runbook={runbook} />;
}
