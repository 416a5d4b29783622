/** A page's URL query as Next.js hands it over: a key given more than once is an array. */
export type SearchParams = Record<string, string | string[] | undefined>;
