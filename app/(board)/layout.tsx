import { headers } from 'next/headers';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { CompactUserMenu, UserMenu } from '@/components/auth/user-menu';
import { BoardSidebar } from '@/components/shell/board-sidebar';
import { ProjectLabel } from '@/components/shell/project-label';
import { visibleNavItems } from '@/components/shell/visible-nav-items';
import { getDatabase } from '@/db/client';
import { getCurrentProject } from '@/db/queries/project';
import { getActiveEnvironmentOfKind } from '@/db/queries/environment-of-kind';
import { FreezeNotice } from '@/components/controls/freeze-notice';
import { requireRole } from '@/lib/auth';
import { REQUEST_ID_HEADER } from '@/lib/http/request-id';
import { RequestIdProvider } from './request-id';

// Every board page reads the database at request time.
export const dynamic = 'force-dynamic';

export default async function BoardLayout({ children }: { children: ReactNode }) {
  // proxy.ts already turned away requests without a session; this also needs a role.
  const actor = await requireRole('viewer');
  // Read once per request: the role check above has just read it.
  const db = getDatabase();
  const project = await getCurrentProject(db);
  // A freeze in force is said on every page: promotions are refused until it ends.
  const production = project && (await getActiveEnvironmentOfKind(db, project.id, 'production'));
  const requestId = (await headers()).get(REQUEST_ID_HEADER);
  return (
    <>
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-ink px-3 py-2 text-sm font-medium text-white focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <div className="lg:flex">
        <BoardSidebar
          items={visibleNavItems(actor.role)}
          bar={
            <>
              <Link
                href="/"
                className="flex items-center gap-2 text-ink"
                aria-label="envboard home"
              >
                <span
                  aria-hidden="true"
                  className="grid size-6 place-items-center rounded-md bg-ink text-[11px] font-bold text-white"
                >
                  eb
                </span>
                <span className="text-sm font-semibold tracking-tight">envboard</span>
              </Link>
              <span aria-hidden="true" className="text-border-strong lg:hidden">
                /
              </span>
              <div className="min-w-0 lg:hidden">
                <ProjectLabel project={project} />
              </div>
              <div className="ml-auto lg:hidden">
                <CompactUserMenu actor={actor} />
              </div>
            </>
          }
          footer={
            <>
              <div className="mt-6 hidden border-t border-border px-4 pt-4 lg:block">
                <p className="text-[11px] font-medium tracking-wide text-faint uppercase">
                  Project
                </p>
                <ProjectLabel project={project} />
              </div>
              <div className="mt-3 border-t border-border px-4 pt-3 lg:mt-6 lg:pt-4">
                <UserMenu actor={actor} />
              </div>
            </>
          }
        />
        <main
          id="main"
          tabIndex={-1}
          className="min-w-0 flex-1 px-4 py-6 focus:outline-none sm:px-6"
        >
          <div className="mx-auto max-w-7xl">
            {production ? <FreezeNotice production={production} now={new Date()} /> : null}
            <RequestIdProvider id={requestId}>{children}</RequestIdProvider>
          </div>
        </main>
      </div>
    </>
  );
}
