import type { Metadata } from 'next';
import { AddChannelForm } from '@/components/alerts/add-channel-form';
import { AlertTabs } from '@/components/alerts/alert-tabs';
import { ChannelsTable } from '@/components/alerts/channels-table';
import { PageHeader } from '@/components/ui/page-header';
import { getDatabase } from '@/db/client';
import { listAlertChannels } from '@/db/queries/alert-channels';
import { requireRole } from '@/lib/auth';
import { chatSinkUrl } from '@/lib/settings/settings';
import {
  addChannelAction,
  deleteChannelAction,
  sendTestAction,
  setChannelEnabledAction,
} from './actions';

export const metadata: Metadata = { title: 'Alerts' };
export const dynamic = 'force-dynamic';
// Long work (an operation's steps, a sync) runs until Vercel's limit: see lib/http/max-duration.ts.
export const maxDuration = 300;

/** Where alerts go (admins only): the channels, masked, with a test button each. */
export default async function AlertChannelsPage() {
  const actor = await requireRole('admin');
  const channels = await listAlertChannels(getDatabase(), actor.projectId);
  const sink = chatSinkUrl();
  return (
    <>
      <PageHeader
        title="Alerts"
        description="Where alerts go. Channel URLs are secrets: they are stored encrypted and shown masked."
      />
      <AlertTabs current="/alerts" />
      <div className="flex flex-col gap-4">
        {sink ? (
          <p className="text-sm text-muted" data-testid="chat-sink">
            This board runs beside a local chat sink: point a channel at{' '}
            <code className="font-mono">{sink}/slack/&lt;name&gt;</code> (or /discord/, /webhook/)
            and see what arrives in{' '}
            <a href={sink} className="text-accent hover:underline">
              its listing
            </a>
            .
          </p>
        ) : null}
        <ChannelsTable
          rows={channels}
          actions={{
            sendTest: sendTestAction,
            setEnabled: setChannelEnabledAction,
            remove: deleteChannelAction,
          }}
        />
        <AddChannelForm action={addChannelAction} suggestedUrl={sink && `${sink}/slack/releases`} />
      </div>
    </>
  );
}
