import type { Metadata } from "next";
import { PublicShell } from "@/components/layout/public-shell";
import { NotFoundMessage } from "@/components/layout/not-found-message";

export const metadata: Metadata = { title: "Page not found", robots: { index: false } };

// An address that matches no route: only the root layout is around it, so the shell comes from here.
export default function NotFound() {
  return (
    <PublicShell>
      <NotFoundMessage />
    </PublicShell>
  );
}
