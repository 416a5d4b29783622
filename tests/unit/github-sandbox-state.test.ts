import { describe, expect, it } from 'vitest';
import { createdFilter } from '@/sandbox/github/created-filter';
import { compare, createRepo, shaOf } from '@/sandbox/github/state';

describe('createdFilter (GitHub’s created qualifier)', () => {
  const at = (iso: string) => new Date(iso);

  it('understands >=, >, <=, < and ranges', () => {
    expect(createdFilter('>=2026-01-02T00:00:00Z')(at('2026-01-02T00:00:00Z'))).toBe(true);
    expect(createdFilter('>2026-01-02T00:00:00Z')(at('2026-01-02T00:00:00Z'))).toBe(false);
    expect(createdFilter('<=2026-01-02')(at('2026-01-01T23:00:00Z'))).toBe(true);
    expect(createdFilter('<2026-01-02')(at('2026-01-02T00:00:00Z'))).toBe(false);
    const range = createdFilter('2026-01-01T00:00:00Z..2026-01-03T00:00:00Z');
    expect(range(at('2026-01-02T00:00:00Z'))).toBe(true);
    expect(range(at('2026-01-04T00:00:00Z'))).toBe(false);
  });

  it('reads a bare date as that whole day, and no qualifier as everything', () => {
    expect(createdFilter('2026-01-02')(at('2026-01-02T23:59:59Z'))).toBe(true);
    expect(createdFilter('2026-01-02')(at('2026-01-03T00:00:00Z'))).toBe(false);
    expect(createdFilter(null)(at('1999-01-01T00:00:00Z'))).toBe(true);
    expect(createdFilter('>=nonsense')(at('2026-01-01T00:00:00Z'))).toBe(false);
  });

  it('reads the offsets GitHub’s search syntax writes, and open-ended ranges', () => {
    expect(createdFilter('>=2026-01-02T00:00:00+00:00')(at('2026-01-02T00:00:00Z'))).toBe(true);
    expect(createdFilter('>=2026-01-02T00:00:00+00:00')(at('2026-01-01T23:59:59Z'))).toBe(false);
    // 09:00 at +07:00 is 02:00 UTC.
    expect(createdFilter('<2026-01-02T09:00:00+07:00')(at('2026-01-02T01:59:59Z'))).toBe(true);
    expect(createdFilter('<2026-01-02T09:00:00+07:00')(at('2026-01-02T02:00:00Z'))).toBe(false);
    expect(createdFilter('2026-01-02..*')(at('2030-01-01T00:00:00Z'))).toBe(true);
    expect(createdFilter('*..2026-01-02')(at('2026-01-03T00:00:00Z'))).toBe(false);
  });

  it('matches nothing for a date outside the syntax, such as one with milliseconds', () => {
    expect(createdFilter('>=2026-01-02T00:00:00.000Z')(at('2026-01-03T00:00:00Z'))).toBe(false);
    expect(createdFilter('>=2026-1-2')(at('2026-01-03T00:00:00Z'))).toBe(false);
  });
});

describe('compare (commits reachable from one side only)', () => {
  it('is identical, ahead, behind or diverged', () => {
    const repo = createRepo(1, 'acme/shop', new Date());
    const root = repo.branches.get('main') as string;
    const add = (sha: string, parents: string[]) =>
      repo.commits.set(sha, { sha, parents, message: sha, at: new Date() });
    const a = shaOf('a');
    const b = shaOf('b');
    const c = shaOf('c');
    add(a, [root]);
    add(b, [a]);
    add(c, [root]);
    expect(compare(repo, root, root)).toMatchObject({
      status: 'identical',
      aheadBy: 0,
      behindBy: 0,
    });
    expect(compare(repo, root, b)).toMatchObject({ status: 'ahead', aheadBy: 2, behindBy: 0 });
    expect(compare(repo, b, root)).toMatchObject({ status: 'behind', aheadBy: 0, behindBy: 2 });
    expect(compare(repo, c, b)).toMatchObject({ status: 'diverged', aheadBy: 2, behindBy: 1 });
    expect(compare(repo, c, b).mergeBase).toBe(root);
  });
});
