import { gzipSync } from 'node:zlib';

/** A string only recharts' own code holds: its bundle names the wrapper class it renders. */
const CHART_CODE_MARKER = 'recharts-wrapper';

/**
 * The JavaScript a browser downloads to show a page: every script the HTML references, gzipped
 * as a CDN would serve it, and whether chart code is among it. Measured from the running
 * server, so it is what users really get.
 */
export async function firstLoadJs(
  baseUrl: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ bytes: number; chartCode: boolean }> {
  const html = await (await fetch(baseUrl + path, { headers })).text();
  // `noModule` polyfills are skipped by every browser that runs modules: they are not downloaded.
  const sources = new Set(
    [...html.matchAll(/<script([^>]+)>/g)]
      .map((match) => match[1]!)
      .filter((attributes) => !/\bnoModule\b/i.test(attributes))
      .map((attributes) => /\bsrc="([^"]+)"/.exec(attributes)?.[1])
      .filter((source): source is string => Boolean(source)),
  );
  let bytes = 0;
  let chartCode = false;
  for (const source of sources) {
    const body = Buffer.from(await (await fetch(new URL(source, baseUrl))).arrayBuffer());
    bytes += gzipSync(body).length;
    if (body.includes(CHART_CODE_MARKER)) chartCode = true;
  }
  return { bytes, chartCode };
}
