import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const APP = join(process.cwd(), 'app');

/** A page or route handler, as its file lays it out: `/tests/runs/[id]`. */
export interface AppRoute {
  pattern: string;
  kind: 'page' | 'api';
}

/** Every page.tsx and route.ts under `appDir`, with route groups and private folders left out. */
export function listAppRoutes(appDir: string): AppRoute[] {
  const routes: AppRoute[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        // `_folder` is private (not a route); `@slot` is a parallel route, not a URL segment.
        if (!entry.name.startsWith('_') && !entry.name.startsWith('@')) walk(path);
        continue;
      }
      const kind = entry.name === 'page.tsx' ? 'page' : entry.name === 'route.ts' ? 'api' : null;
      if (!kind) continue;
      const segments = relative(appDir, dir)
        .split(sep)
        .filter((segment) => segment && !/^\(.*\)$/.test(segment));
      routes.push({ pattern: `/${segments.join('/')}`, kind });
    }
  };
  walk(appDir);
  return routes.sort((a, b) => a.pattern.localeCompare(b.pattern));
}

/**
 * Every page the app serves, as its URL pattern ("/tests/runs/[id]"). A spec that visits "every
 * page" takes its list from here, so a new page is visited too.
 */
export function pageRoutes(root: string = APP): string[] {
  return listAppRoutes(root)
    .filter((route) => route.kind === 'page')
    .map((route) => route.pattern);
}

/** True for a pattern with a dynamic segment, which needs a real id from the data to visit. */
export const isDynamicRoute = (route: string): boolean => route.includes('[');
