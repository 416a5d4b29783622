import { isServer, QueryClient } from '@tanstack/react-query';

/**
 * One query client per browser, a fresh one per server render (one factory, as TanStack Query's SSR guide advises: https://tanstack.com/query/latest/docs/framework/react/guides/advanced-ssr). Only what
 * changes while a page is open goes through it: operation progress.
 */
function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: { queries: { staleTime: 0, retry: 2, refetchOnWindowFocus: false } },
  });
}

let browserClient: QueryClient | undefined;

export function getQueryClient(): QueryClient {
  if (isServer) return makeQueryClient();
  return (browserClient ??= makeQueryClient());
}
