import { createRandom, type Random } from './random';
import type { ErrorBody, Middleware } from './server';
import type { SandboxRequest, SandboxResponse } from './router';

export interface FaultSwitches {
  /** Share of requests (0–1) answered with a server error instead of reaching the route. */
  errorRate: number;
  /** The server errors to pick from, uniformly. */
  errorStatuses: number[];
  /** Added before every request is handled. */
  latencyMs: number;
}

export interface RateLimitBurst {
  /** How many consecutive requests are refused. */
  requests: number;
  retryAfterSeconds: number;
  /** GitHub answers a secondary rate limit with 403 or 429; 429 unless told. */
  status?: 403 | 429;
}

export interface FaultCounts {
  serverErrors: number;
  rateLimited: number;
  delayed: number;
}

export interface FaultOptions {
  errorBody: ErrorBody;
  /** Same seed, same sequence of injected errors for the same sequence of requests. */
  seed?: number;
  /** Extra headers on a refused request, e.g. GitHub's `x-ratelimit-remaining: 0`. */
  rateLimitHeaders?: (burst: RateLimitBurst) => Record<string, string>;
  /** Requests that faults never touch (an emulator's own control routes). */
  exempt?: (request: SandboxRequest) => boolean;
}

const OFF: FaultSwitches = { errorRate: 0, errorStatuses: [500, 502, 503], latencyMs: 0 };

/**
 * Switches applied to every request an emulator receives, so tests and the demo can prove the
 * clients survive what real providers do: flaky 5xx, rate-limit bursts and slow answers.
 */
export class Faults {
  private switches: FaultSwitches = { ...OFF };
  private burst: (RateLimitBurst & { left: number }) | undefined;
  private random: Random;
  readonly counts: FaultCounts = { serverErrors: 0, rateLimited: 0, delayed: 0 };

  constructor(private readonly options: FaultOptions) {
    this.random = createRandom(options.seed);
  }

  configure(switches: Partial<FaultSwitches>): void {
    this.switches = { ...this.switches, ...switches };
  }

  /** The next `burst.requests` requests are refused with Retry-After. */
  rateLimitBurst(burst: RateLimitBurst): void {
    this.burst = { ...burst, left: burst.requests };
  }

  /** Everything off, counts zeroed, and the random sequence restarted from the seed. */
  reset(): void {
    this.switches = { ...OFF };
    this.burst = undefined;
    this.random = createRandom(this.options.seed);
    Object.assign(this.counts, { serverErrors: 0, rateLimited: 0, delayed: 0 });
  }

  readonly middleware: Middleware = async (request) => {
    if (this.options.exempt?.(request)) return undefined;
    if (this.switches.latencyMs > 0) {
      this.counts.delayed++;
      await new Promise((resolve) => setTimeout(resolve, this.switches.latencyMs));
    }
    return this.refuseForRateLimit() ?? this.failRandomly();
  };

  private refuseForRateLimit(): SandboxResponse | undefined {
    const burst = this.burst;
    if (!burst || burst.left <= 0) return undefined;
    burst.left--;
    this.counts.rateLimited++;
    const status = burst.status ?? 429;
    return {
      status,
      headers: {
        'retry-after': String(burst.retryAfterSeconds),
        ...this.options.rateLimitHeaders?.(burst),
      },
      body: this.options.errorBody(status, 'You have exceeded a secondary rate limit.'),
    };
  }

  private failRandomly(): SandboxResponse | undefined {
    const { errorRate, errorStatuses } = this.switches;
    if (errorRate <= 0 || errorStatuses.length === 0 || this.random() >= errorRate)
      return undefined;
    const status = errorStatuses[Math.floor(this.random() * errorStatuses.length)] as number;
    this.counts.serverErrors++;
    return { status, body: this.options.errorBody(status, 'Injected server error') };
  }
}
