import type { ActionResult } from '@/lib/domain/action-results';

/** What the API tokens page's forms get back from their server actions. */
export type CreateTokenState = ActionResult<{ token: string; name: string }> | null;
export type RevokeTokenState = ActionResult<{ name: string }> | null;
export type TokenAction<State> = (state: State, form: FormData) => Promise<State>;
