"use client";

// Shown when a page fails on the server. The error's message and stack stay in the server log;
// the visitor sees a short reference (digest) the clinic can look up.
import { useEffect } from "react";
import { PublicShell } from "@/components/layout/public-shell";
import { Button } from "@/components/ui/button";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <PublicShell>
      <div className="mx-auto max-w-xl px-4 py-20 text-center">
        <h1 className="text-3xl font-semibold text-teal-800">Something went wrong</h1>
        <p className="mt-3 text-muted">
          Sorry, that didn&apos;t work. Please try again; if it keeps happening, call the clinic.
        </p>
        {error.digest ? <p className="mt-2 text-sm text-muted">Reference: {error.digest}</p> : null}
        <Button className="mt-8" onClick={reset}>
          Try again
        </Button>
      </div>
    </PublicShell>
  );
}
