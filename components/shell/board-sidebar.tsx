'use client';

import { usePathname } from 'next/navigation';
import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useHydrated } from '@/components/ui/use-hydrated';
import { BoardNav } from './board-nav';
import type { NavItem } from './nav-items';

const MENU_ICON = 'M4 6h16M4 12h16M4 18h16';
const CLOSE_ICON = 'M6 6l12 12M18 6L6 18';

/**
 * The board's frame: a sidebar on wide screens; on narrow ones a top bar whose menu button
 * shows the navigation and who is signed in. The button is a disclosure (aria-expanded); Escape
 * or a click outside closes the menu and puts focus back on the button, and following a link
 * closes it too. `bar` and `footer` are rendered on the server and passed through.
 */
export function BoardSidebar({
  items,
  bar,
  footer,
}: {
  items: readonly NavItem[];
  /** Logo, project and the compact user menu: the top bar on narrow screens. */
  bar: ReactNode;
  /** Project and user menu: under the navigation, on wide screens or in the open menu. */
  footer: ReactNode;
}) {
  const menuId = useId();
  const sidebar = useRef<HTMLElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const hydrated = useHydrated();
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  // A followed link closes the menu: the new page shows under the bar, not under the menu.
  const [openedOn, setOpenedOn] = useState(pathname);
  if (openedOn !== pathname) {
    setOpenedOn(pathname);
    setOpen(false);
  }

  useEffect(() => {
    if (!open) return;
    const close = () => {
      setOpen(false);
      button.current?.focus();
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') close();
    };
    const onPointerDown = (event: PointerEvent) => {
      if (!sidebar.current?.contains(event.target as Node)) close();
    };
    document.addEventListener('keydown', onKeyDown);
    document.addEventListener('pointerdown', onPointerDown);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('pointerdown', onPointerDown);
    };
  }, [open]);

  return (
    <aside
      ref={sidebar}
      className="sticky top-0 z-40 max-h-dvh overflow-y-auto border-b border-border bg-canvas/95 backdrop-blur lg:h-dvh lg:w-52 lg:shrink-0 lg:border-r lg:border-b-0"
    >
      <div className="flex items-center gap-2.5 px-4 py-2.5 lg:px-4 lg:pt-5 lg:pb-5">
        {bar}
        <button
          ref={button}
          type="button"
          aria-expanded={open}
          aria-controls={menuId}
          disabled={!hydrated}
          onClick={() => setOpen(!open)}
          className="-mr-1.5 grid size-8 shrink-0 place-items-center rounded-md text-muted hover:bg-zinc-100 hover:text-ink lg:hidden"
        >
          <span className="sr-only">Menu</span>
          <svg
            aria-hidden="true"
            viewBox="0 0 24 24"
            fill="none"
            stroke="currentColor"
            strokeWidth={1.75}
            strokeLinecap="round"
            className="size-5"
          >
            <path d={open ? CLOSE_ICON : MENU_ICON} />
          </svg>
        </button>
      </div>
      <div id={menuId} className={`${open ? 'block' : 'hidden'} pb-3 lg:block lg:pb-0`}>
        <BoardNav items={items} />
        {footer}
      </div>
    </aside>
  );
}
