/** A page's URL query as Next.js hands it over: a key given more than once is an array. */
export type SearchParams = Record<string, string | string[] | undefined>;

/** A URL parameter a page could not apply (a stale bookmark, a hand edit), named back to the reader. */
export interface IgnoredParam {
  name: string;
  /** As it was given; a repeated key's values joined with ", ". */
  value: string;
}

/** How a page names a parameter and what it shows instead of an unusable value. */
export interface ParamMeaning {
  /** In a sentence: "state", "environment". */
  label: string;
  /** What is applied instead: "all", "newest first", "the first page". */
  instead: string;
}

const LONGEST_QUOTED = 60;

/** "Unknown state 'nonsense': showing all." — a long value is cut, so the notice stays a line. */
export function ignoredParamNotice(param: IgnoredParam, meaning?: ParamMeaning): string {
  if (param.name === 'cursor') return 'This page link is no longer valid: showing the first page.';
  const value =
    param.value.length > LONGEST_QUOTED ? `${param.value.slice(0, LONGEST_QUOTED)}…` : param.value;
  const { label, instead } = meaning ??
    DEFAULT_MEANINGS[param.name] ?? {
      label: param.name,
      instead: 'all',
    };
  return `Unknown ${label} '${value}': showing ${instead}.`;
}

const DEFAULT_MEANINGS: Record<string, ParamMeaning> = {
  limit: { label: 'page size', instead: '25 a page' },
};
