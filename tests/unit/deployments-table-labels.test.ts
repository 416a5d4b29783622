import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, test } from 'vitest';
import { DeploymentsTable } from '@/components/deployments/deployments-table';
import type { DeploymentListItem, DeploymentSource } from '@/lib/domain/deployments';

const now = new Date(Date.UTC(2026, 2, 1, 12));

function row(id: number, source: DeploymentSource): DeploymentListItem {
  return {
    id,
    vercelId: `dpl_${id}`,
    url: `https://app-${id}.vercel.app`,
    environmentSlug: 'production',
    environmentName: 'Production',
    environmentKind: 'production',
    target: 'production',
    state: 'ready',
    source,
    gitBranch: 'main',
    commitSha: String(id).repeat(40).slice(0, 40),
    commitMessage: `Commit ${id}`,
    commitAuthor: 'alice',
    errorMessage: null,
    createdAt: now,
    readyAt: now,
    promotedAt: null,
    buildDurationMs: 60_000,
    pullRequestNumber: null,
  };
}

const labelOf = (source: DeploymentSource) =>
  renderToStaticMarkup(createElement(DeploymentsTable, { rows: [row(1, source)], now }));

describe('the deployments table labels each deployment by what is known of it', () => {
  test('unknown reads "Origin unknown", never "git"; promoted reads "Promoted"', () => {
    expect(labelOf('unknown')).toContain('Origin unknown');
    expect(labelOf('unknown')).not.toMatch(/from git/i);
    expect(labelOf('promote')).toContain('Promoted');
    expect(labelOf('git')).not.toMatch(/Origin unknown|Promoted/);
  });
});
