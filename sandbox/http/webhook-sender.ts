import { createRandom, type Random, shuffle } from './random';

export interface OutgoingWebhook {
  /** The delivery id; a duplicate keeps it, as a provider's redelivery does. */
  id: string;
  payload: unknown;
  /** Provider headers other than the signature, e.g. `x-github-event`. */
  headers: Record<string, string>;
}

/** Signs the exact body that will be sent; returns the signature header(s). */
export type Signer = (rawBody: string) => Promise<Record<string, string>> | Record<string, string>;

export interface WebhookSwitches {
  /** Share (0–1) of webhooks never sent. */
  dropRate: number;
  /** Share (0–1) of sent webhooks sent a second time with the same id. */
  duplicateRate: number;
  /** Shuffle each run of this many consecutive webhooks; 0 or 1 keeps the order. */
  reorderWindow: number;
}

export interface DeliveryAttempt {
  id: string;
  duplicate: boolean;
  /** The receiver's status, or undefined when it could not be reached. */
  status?: number;
  error?: string;
}

export interface WebhookSenderOptions {
  sign: Signer;
  target?: string;
  /** Same seed, same drops, duplicates and order for the same queue. */
  seed?: number;
  /** Send automatically this many ms after the first webhook of a batch; otherwise call flush(). */
  autoFlushMs?: number;
  /** GitHub gives a receiver 10 s. */
  timeoutMs?: number;
}

const CALM: WebhookSwitches = { dropRate: 0, duplicateRate: 0, reorderWindow: 0 };

/**
 * The queue between an emulator's state changes and envboard's webhook endpoint. The switches
 * reproduce what real delivery does to a receiver: lost, repeated and out-of-order events.
 */
export class WebhookSender {
  private switches: WebhookSwitches = { ...CALM };
  private random: Random;
  private queue: OutgoingWebhook[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private sending: Promise<unknown> = Promise.resolve();
  readonly attempts: DeliveryAttempt[] = [];
  readonly dropped: OutgoingWebhook[] = [];

  constructor(private readonly options: WebhookSenderOptions) {
    this.random = createRandom(options.seed);
  }

  /** Where webhooks go: the URL the provider has registered as the hook. */
  get target(): string | undefined {
    return this.options.target;
  }

  /** The last attempt to reach the target, if any was made. */
  get lastAttempt(): DeliveryAttempt | undefined {
    return this.attempts.at(-1);
  }

  setTarget(target: string | undefined): void {
    this.options.target = target;
  }

  configure(switches: Partial<WebhookSwitches>): void {
    this.switches = { ...this.switches, ...switches };
  }

  enqueue(webhook: OutgoingWebhook): void {
    this.queue.push(webhook);
    if (this.options.autoFlushMs !== undefined && !this.timer) {
      this.timer = setTimeout(() => void this.flush(), this.options.autoFlushMs);
      this.timer.unref();
    }
  }

  get pending(): number {
    return this.queue.length;
  }

  /** Sends everything queued, one at a time, after applying the switches. */
  flush(): Promise<DeliveryAttempt[]> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.plan(this.queue.splice(0));
    const run = this.sending.then(() => this.sendAll(batch));
    this.sending = run.catch(() => undefined);
    return run;
  }

  private plan(batch: OutgoingWebhook[]): { webhook: OutgoingWebhook; duplicate: boolean }[] {
    const planned: { webhook: OutgoingWebhook; duplicate: boolean }[] = [];
    for (const webhook of batch) {
      if (this.random() < this.switches.dropRate) {
        this.dropped.push(webhook);
        continue;
      }
      planned.push({ webhook, duplicate: false });
      if (this.random() < this.switches.duplicateRate) planned.push({ webhook, duplicate: true });
    }
    const window = Math.max(1, Math.floor(this.switches.reorderWindow));
    const reordered: typeof planned = [];
    for (let start = 0; start < planned.length; start += window) {
      reordered.push(...shuffle(planned.slice(start, start + window), this.random));
    }
    return reordered;
  }

  private async sendAll(batch: { webhook: OutgoingWebhook; duplicate: boolean }[]) {
    const results: DeliveryAttempt[] = [];
    for (const { webhook, duplicate } of batch) {
      const attempt = await this.send(webhook, duplicate);
      this.attempts.push(attempt);
      results.push(attempt);
    }
    return results;
  }

  private async send(webhook: OutgoingWebhook, duplicate: boolean): Promise<DeliveryAttempt> {
    const target = this.options.target;
    if (!target) return { id: webhook.id, duplicate, error: 'no target configured' };
    const body = JSON.stringify(webhook.payload);
    try {
      const response = await fetch(target, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...webhook.headers,
          ...(await this.options.sign(body)),
        },
        body,
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
      await response.arrayBuffer();
      return { id: webhook.id, duplicate, status: response.status };
    } catch (error) {
      return { id: webhook.id, duplicate, error: String(error) };
    }
  }
}
