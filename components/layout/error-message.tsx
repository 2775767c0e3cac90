"use client";

// What a visitor sees when a page fails on the server. The error's message and stack stay in the
// server log; the visitor sees a short reference (digest) the clinic can look up. Rendered by each
// route group's error.tsx, inside that group's own frame, so it ships no header or footer code of
// its own (every page loads its error boundary with it).
import { useEffect } from "react";
import { buttonClasses } from "@/components/ui/button-classes";

export default function ErrorMessage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div className="mx-auto max-w-xl px-4 py-20 text-center">
      <h1 className="text-3xl font-semibold text-teal-800">Something went wrong</h1>
      <p className="mt-3 text-muted">
        Sorry, that didn&apos;t work. Please try again; if it keeps happening, call the clinic.
      </p>
      {error.digest ? <p className="mt-2 text-sm text-muted">Reference: {error.digest}</p> : null}
      <button type="button" className={buttonClasses("primary", "mt-8")} onClick={reset}>
        Try again
      </button>
    </div>
  );
}
