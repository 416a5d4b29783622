import { gzipSync } from 'node:zlib';

/**
 * The JavaScript a browser downloads to show a page: every script the HTML references, gzipped
 * as a CDN would serve it. Measured from the running server, so it is what users really get.
 */
export async function firstLoadJsBytes(
  baseUrl: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<number> {
  const html = await (await fetch(baseUrl + path, { headers })).text();
  // `noModule` polyfills are skipped by every browser that runs modules: they are not downloaded.
  const sources = new Set(
    [...html.matchAll(/<script([^>]+)>/g)]
      .map((match) => match[1]!)
      .filter((attributes) => !/\bnoModule\b/i.test(attributes))
      .map((attributes) => /\bsrc="([^"]+)"/.exec(attributes)?.[1])
      .filter((source): source is string => Boolean(source)),
  );
  let total = 0;
  for (const source of sources) {
    const body = Buffer.from(await (await fetch(new URL(source, baseUrl))).arrayBuffer());
    total += gzipSync(body).length;
  }
  return total;
}
