import Link from 'next/link';
import type { ReactNode } from 'react';
import { PageHeader } from '@/components/ui/page-header';
import { StatusBadge } from '@/components/ui/status-badge';
import type { EnvironmentDetail } from '@/lib/domain/environments';
import { ENVIRONMENT_KIND_LABEL } from '@/lib/domain/environments';
import { ExternalUrl } from './environment-cells';

export function EnvironmentHeader({
  environment,
  actions,
}: {
  environment: EnvironmentDetail;
  /** The operations this environment offers the signed-in member, if any. */
  actions?: ReactNode;
}) {
  const pr = environment.pullRequest;
  return (
    <PageHeader
      actions={actions}
      eyebrow={
        <nav aria-label="Breadcrumb">
          <Link href="/environments" className="hover:text-ink hover:underline">
            Environments
          </Link>
          <span aria-hidden="true"> / </span>
          <span aria-current="page">{environment.slug}</span>
        </nav>
      }
      title={
        <span className="flex flex-wrap items-center gap-2">
          {environment.name}
          <StatusBadge status={environment.kind} tone="neutral">
            {ENVIRONMENT_KIND_LABEL[environment.kind]}
          </StatusBadge>
          {environment.status === 'deleted' ? <StatusBadge status="deleted" /> : null}
        </span>
      }
      description={
        <span className="flex flex-wrap items-center gap-x-3 gap-y-1">
          <span>
            Branch <span className="font-mono text-ink">{environment.gitBranch}</span>
          </span>
          {pr ? (
            <span>
              {pr.htmlUrl ? (
                <a href={pr.htmlUrl} className="text-accent hover:underline">
                  PR #{pr.number}
                </a>
              ) : (
                <>PR #{pr.number}</>
              )}{' '}
              {pr.title} <span className="text-faint">by {pr.author}</span>
            </span>
          ) : null}
          {environment.url ? <ExternalUrl url={environment.url} className="inline" /> : null}
        </span>
      }
    />
  );
}
