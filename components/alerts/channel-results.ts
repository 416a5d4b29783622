import type { ActionResult } from '@/lib/domain/action-results';

/** What adding a channel answers: the signing secret of a webhook channel, shown this once. */
export type AddChannelState = ActionResult<{ name: string; signingSecret: string | null }> | null;

/** What "Send test" answers: whether the channel took it, and its answer. */
export type SendTestState = ActionResult<{
  ok: boolean;
  status: number | null;
  error: string | null;
}> | null;

/** What switching or deleting a channel answers. */
export type ChannelChangeState = ActionResult<{ message: string }> | null;

export type FormAction<State> = (state: State, form: FormData) => Promise<State>;
