"use client";

// "Confirming your payment…": asks the server again every few seconds until the payment is
// confirmed (the page then renders the booking), and stops after a minute with a plain next step.
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";

const INTERVAL_MS = 2_000;
const MAX_ATTEMPTS = 30;

export function ConfirmationRefresh() {
  const router = useRouter();
  const [attempts, setAttempts] = useState(0);
  const gaveUp = attempts >= MAX_ATTEMPTS;

  useEffect(() => {
    if (gaveUp) return;
    const timer = window.setTimeout(() => {
      setAttempts((value) => value + 1);
      router.refresh();
    }, INTERVAL_MS);
    return () => window.clearTimeout(timer);
  }, [attempts, gaveUp, router]);

  return (
    <p role="status" className="mt-3 text-muted">
      {gaveUp
        ? "This is taking longer than usual. Your time stays held while the payment is checked; we'll email you once it's confirmed, and it will show in your account."
        : "This page updates by itself; there's no need to pay again."}
    </p>
  );
}
