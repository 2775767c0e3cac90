"use client";

// Two steps, as for any action that cannot be undone from here: say what will happen, then confirm.
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";

export function SignOutEverywhereForm({ action }: { action: () => Promise<void> }) {
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const questionRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (confirming) questionRef.current?.focus();
  }, [confirming]);

  if (!confirming) {
    return (
      <Button type="button" variant="secondary" onClick={() => setConfirming(true)}>
        Sign out of all devices…
      </Button>
    );
  }
  return (
    <form action={action} onSubmit={() => setPending(true)} className="flex flex-col gap-3">
      <p ref={questionRef} tabIndex={-1} className="font-semibold">
        Sign out everywhere, including this browser? You&apos;ll need your password to sign in again.
      </p>
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Signing out…" : "Yes, sign out everywhere"}
        </Button>
        <Button type="button" variant="secondary" onClick={() => setConfirming(false)} disabled={pending}>
          Keep me signed in
        </Button>
      </div>
    </form>
  );
}
