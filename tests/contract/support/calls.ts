import { expect } from 'vitest';
import { ProviderError } from '@/lib/providers/errors';
import type { ExchangeLog } from './exchanges';
import { describeDeparture, type OpenApiContract } from './openapi';

/**
 * What the three contract files share: noting which client methods a scenario calls (so each
 * file can prove it drove them all), the departures recorded so far, and the failures expected.
 */

/** The client, with every method it is asked for noted in `called`. */
export function noteCalls<Client extends object>(client: Client, called: Set<string>): Client {
  return new Proxy(client, {
    get(target, name, receiver) {
      const value: unknown = Reflect.get(target, name, receiver);
      if (typeof value === 'function' && typeof name === 'string') called.add(name);
      return value;
    },
  });
}

/** Each distinct departure once, over every exchange the log holds. */
export function distinctDepartures(log: ExchangeLog, contract: OpenApiContract): string[] {
  const lines = log.exchanges.flatMap((exchange) => contract.check(exchange));
  return [...new Set(lines.map(describeDeparture))];
}

/** The ProviderError a call must fail with. */
export async function providerFailure(call: Promise<unknown>): Promise<ProviderError> {
  const error = await call.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}

/** The exchanges answered with `status`. */
export const answeredWith = (log: ExchangeLog, status: number) =>
  log.exchanges.filter((exchange) => exchange.response.status === status);
