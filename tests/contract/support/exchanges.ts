/**
 * Records every HTTP exchange a provider client makes, so contract tests can check each request
 * and each response against the provider's own API description. Wrap the fetch a client is given:
 * `const log = new ExchangeLog(); createClient({ fetch: log.fetch })`.
 */

export interface RecordedRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  /** The parsed JSON body, or the raw text when it is not JSON; undefined without a body. */
  body: unknown;
}

export interface RecordedResponse {
  status: number;
  headers: Record<string, string>;
  /** The parsed JSON body, or the raw text when it is not JSON; undefined when empty. */
  body: unknown;
}

export interface Exchange {
  request: RecordedRequest;
  response: RecordedResponse;
}

function parseBody(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function headerRecord(headers: Headers): Record<string, string> {
  return Object.fromEntries(headers.entries());
}

export class ExchangeLog {
  readonly exchanges: Exchange[] = [];

  constructor(private readonly inner: typeof fetch = globalThis.fetch) {}

  readonly fetch: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    const requestText = request.body ? await request.clone().text() : '';
    const response = await this.inner(request);
    const responseText = await response.clone().text();
    this.exchanges.push({
      request: {
        method: request.method,
        url: new URL(request.url),
        headers: headerRecord(request.headers),
        body: parseBody(requestText),
      },
      response: {
        status: response.status,
        headers: headerRecord(response.headers),
        body: parseBody(responseText),
      },
    });
    return response;
  };

  clear(): void {
    this.exchanges.length = 0;
  }
}
