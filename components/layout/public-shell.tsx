import type { ReactNode } from "react";
import { SiteFooter } from "./site-footer";
import { SiteHeader } from "./site-header";

// The public site's frame (header, main, marketing footer). The root layout renders only <html> and
// <body>, so the staff area can have a frame of its own; every public route group wraps itself in this.
export function PublicShell({ children }: { children: ReactNode }) {
  return (
    <>
      <SiteHeader />
      <main id="main" className="flex-1">
        {children}
      </main>
      <SiteFooter />
    </>
  );
}
