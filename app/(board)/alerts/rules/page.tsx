import type { Metadata } from 'next';
import { AlertRuleForm } from '@/components/alerts/alert-rule-form';
import { AlertTabs } from '@/components/alerts/alert-tabs';
import { FiringAlerts } from '@/components/alerts/firing-alerts';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { getDatabase } from '@/db/client';
import { getCurrentProject } from '@/db/queries/project';
import { getAlertRulesView } from '@/lib/alerts/rules-view';
import { requireRole } from '@/lib/auth';
import { ALERT_RULE_GROUPS } from '@/lib/domain/alert-rules';
import { saveAlertRuleAction } from './actions';

export const metadata: Metadata = { title: 'Alert rules' };
export const dynamic = 'force-dynamic';

/** Each rule on or off, its thresholds, resend interval and channels: the Alerts area is the admins'. */
export default async function AlertRulesPage() {
  await requireRole('admin');
  const db = getDatabase();
  const project = await getCurrentProject(db);
  if (!project) return <EmptyState title="No project yet">Connect a project first.</EmptyState>;
  const view = await getAlertRulesView(db, project.id);
  const now = new Date();
  return (
    <>
      <PageHeader
        title="Alert rules"
        description="A rule notifies when it starts firing, again after its resend interval while it fires, and when it resolves. A rule never saved goes to every enabled channel."
      />
      <AlertTabs current="/alerts/rules" />
      <div className="flex flex-col gap-4">
        <Card title="Firing now">
          <FiringAlerts rows={view.firing} now={now} />
        </Card>
        {ALERT_RULE_GROUPS.map((group) => (
          <Card key={group} title={group} bodyClassName="px-4">
            {view.rules
              .filter((rule) => rule.definition.group === group)
              .map((rule) => (
                <AlertRuleForm
                  key={rule.definition.key}
                  definition={rule.definition}
                  settings={rule.settings}
                  channels={view.channels}
                  action={saveAlertRuleAction}
                />
              ))}
          </Card>
        ))}
      </div>
    </>
  );
}
