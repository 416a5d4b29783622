import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const APP = join(process.cwd(), 'app');

/**
 * Every page the app serves, as its URL pattern ("/tests/runs/[id]"), read from app/'s
 * page.tsx files: route groups "(board)" and private folders "_x" are not part of the URL.
 * A spec that visits "every page" takes its list from here, so a new page is visited too.
 */
export function pageRoutes(root: string = APP): string[] {
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter(
    (file) => file === 'page.tsx' || file.endsWith(`${sep}page.tsx`),
  );
  return files
    .map((file) => {
      const segments = relative(root, join(root, file)).split(sep).slice(0, -1);
      if (segments.some((segment) => segment.startsWith('_'))) return null;
      const visible = segments.filter((segment) => !/^\(.*\)$/.test(segment));
      return `/${visible.join('/')}`;
    })
    .filter((route): route is string => route !== null)
    .sort();
}

/** True for a pattern with a dynamic segment, which needs a real id from the data to visit. */
export const isDynamicRoute = (route: string): boolean => route.includes('[');
