'use client';

import { FollowedOperations } from './lazy-operations';

/**
 * Makes every tab that shows these environments follow their operations, whoever started them
 * and wherever: each one found (in flight, or ended since the page was drawn at `since`) joins
 * the operations panel, with its progress, outcome toast and page refresh. Renders nothing. A
 * hidden tab does not poll (react-query's default). The poll loads after the page, with
 * react-query, so neither is in the page's first load.
 */
export function FollowOperations(props: { environmentIds: readonly number[]; since: string }) {
  return <FollowedOperations {...props} />;
}
