import type { Metadata } from "next";
import { PublicShell } from "@/components/layout/public-shell";
import { ButtonLink } from "@/components/ui/button";

export const metadata: Metadata = { title: "Page not found", robots: { index: false } };

export default function NotFound() {
  return (
    <PublicShell>
      <div className="mx-auto max-w-xl px-4 py-20 text-center">
        <p className="font-semibold text-teal-700">404</p>
        <h1 className="mt-2 text-3xl font-semibold text-teal-800">We couldn&apos;t find that page</h1>
        <p className="mt-3 text-muted">The link may be old, or the page may have moved.</p>
        <div className="mt-8 flex flex-wrap justify-center gap-3">
          <ButtonLink href="/">Go to the home page</ButtonLink>
          <ButtonLink href="/learn" variant="secondary">
            Browse articles
          </ButtonLink>
        </div>
      </div>
    </PublicShell>
  );
}
