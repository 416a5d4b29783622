import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, test } from 'vitest';
import { isCurrent, NAV_ITEMS } from '@/components/shell/nav-items';
import { hasRole, isRole, type Role } from '@/lib/domain/roles';

/**
 * Every page under app/(board) checks the role itself, first thing, rather than trusting the
 * layout: a layout and its page render side by side, so a page that reads before the layout's
 * redirect lands has already done its work. The role a page needs is the one the navigation
 * shows its section to (components/shell/nav-items.ts), viewer where it names none; a page may
 * ask for more than its section (an admin page inside a section everyone sees).
 */

const BOARD = join(process.cwd(), 'app', '(board)');

function pageFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return pageFiles(path);
    return entry.name === 'page.tsx' ? [path] : [];
  });
}

/** "app/(board)/deliveries/[id]/page.tsx" → "/deliveries/[id]". */
function routeOf(file: string): string {
  const folder = relative(BOARD, file).split(sep).slice(0, -1);
  return `/${folder.filter((part) => !/^\(.*\)$/.test(part)).join('/')}`;
}

function requiredRole(route: string): Role {
  return NAV_ITEMS.find((item) => isCurrent(item, route))?.minimumRole ?? 'viewer';
}

// The page's default export, then its first statement: `await requireRole('…')`, kept or not.
const FIRST_STATEMENT_GUARD =
  /export default async function \w+\([^)]*\)(?:: [^{]+)? \{\s*(?:const \w+ = )?await requireRole\('(\w+)'\);/;

const pages = pageFiles(BOARD).map((file) => ({
  file: relative(process.cwd(), file),
  route: routeOf(file),
}));

describe('board pages', () => {
  test('are all found', () => {
    expect(pages.map(({ route }) => route)).toEqual(
      expect.arrayContaining(['/', '/audit', '/deliveries', '/deliveries/[id]', '/sync']),
    );
  });

  test.each(pages)(
    '$file checks the role first, at least the role its section needs',
    ({ file, route }) => {
      const guard = FIRST_STATEMENT_GUARD.exec(readFileSync(file, 'utf8'));
      expect(guard, `${file} does not start with await requireRole(…)`).not.toBeNull();
      const role = guard![1];
      expect(isRole(role) && hasRole(role, requiredRole(route)), `${file} asks for ${role}`).toBe(
        true,
      );
    },
  );

  test('admin pages need admin', () => {
    expect(requiredRole('/deliveries/[id]')).toBe('admin');
    expect(requiredRole('/sync')).toBe('release_manager');
  });
});
