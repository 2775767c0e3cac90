"use client";

// A staff page failed on the server: the staff frame stays, the message and stack stay in the log.
import { useEffect } from "react";
import { Button } from "@/components/ui/button";

export default function StaffError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div className="max-w-xl py-10">
      <h1 className="text-3xl font-semibold text-teal-800">Something went wrong</h1>
      <p className="mt-3 text-muted">Please try again; if it keeps happening, tell the clinic&apos;s admin.</p>
      {error.digest ? <p className="mt-2 text-sm text-muted">Reference: {error.digest}</p> : null}
      <Button className="mt-6" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
