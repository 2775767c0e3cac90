"use client";

// The small-screen menu: a plain <details> disclosure, so it opens and closes without JavaScript.
// With JavaScript it also closes after choosing a page, on Escape and on a click outside it.
// (On the public reading pages, sent without React, lib/http/static-content-page.mjs does the same.)
import { usePathname } from "next/navigation";
import { useEffect, useRef, type MouseEvent, type ReactNode } from "react";

export function MobileMenu({ label, children }: { label: string; children: ReactNode }) {
  const pathname = usePathname();
  const detailsRef = useRef<HTMLDetailsElement>(null);
  const summaryRef = useRef<HTMLElement>(null);
  const shownPathname = useRef(pathname);

  // Back and forward navigation change the page without a click inside the menu.
  useEffect(() => {
    if (shownPathname.current === pathname) return;
    shownPathname.current = pathname;
    closeMenu(detailsRef.current);
  }, [pathname]);

  // Always listening, checking `open` at the time: no gap between opening and a listener arriving.
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      const details = detailsRef.current;
      if (event.key !== "Escape" || !details?.open) return;
      const active = document.activeElement;
      closeMenu(details);
      // Return focus to the toggle, unless the user had already moved it elsewhere on the page.
      if (!active || active === document.body || details.contains(active)) summaryRef.current?.focus();
    }
    function onClick(event: globalThis.MouseEvent) {
      const details = detailsRef.current;
      if (details?.open && event.target instanceof Node && !details.contains(event.target)) closeMenu(details);
    }
    document.addEventListener("keydown", onKeyDown);
    document.addEventListener("click", onClick);
    return () => {
      document.removeEventListener("keydown", onKeyDown);
      document.removeEventListener("click", onClick);
    };
  }, []);

  // Choosing a link closes the menu even when it leads to the page already shown.
  function onNavClick(event: MouseEvent<HTMLElement>) {
    if (event.target instanceof Element && event.target.closest("a")) closeMenu(detailsRef.current);
  }

  return (
    <details ref={detailsRef} className="group relative sm:hidden">
      <summary
        ref={summaryRef}
        className="flex min-h-11 cursor-pointer list-none items-center gap-2 rounded-full px-4 font-semibold text-teal-800 ring-1 ring-teal-600/30 [&::-webkit-details-marker]:hidden"
      >
        Menu
        <span aria-hidden="true" className="transition-transform group-open:rotate-180">
          ▾
        </span>
      </summary>
      <nav
        aria-label={label}
        onClick={onNavClick}
        className="absolute right-0 z-40 mt-2 flex w-56 flex-col gap-1 rounded-2xl bg-white p-2 shadow-lg ring-1 ring-teal-600/20"
      >
        {children}
      </nav>
    </details>
  );
}

function closeMenu(details: HTMLDetailsElement | null) {
  if (details?.open) details.open = false;
}
