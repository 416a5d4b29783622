import type { APIRequestContext } from '@playwright/test';

/**
 * The read API as the source of truth for E2E assertions: a page must show what the database
 * holds, whatever the demo seed happens to generate.
 */
export async function apiList<Row>(request: APIRequestContext, path: string): Promise<Row[]> {
  const response = await request.get(path);
  if (!response.ok()) throw new Error(`${path} answered ${response.status()}`);
  return ((await response.json()) as { data: Row[] }).data;
}
