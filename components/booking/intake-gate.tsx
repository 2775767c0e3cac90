"use client";

// The steps after the health questions show their content only while this tab holds complete
// answers that allow booking. A red flag shows the same guidance as the health step (a typed or
// reloaded URL cannot skip it); missing answers send the client back to the questions.
import Link from "next/link";
import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import type { StopOutcome } from "@/lib/clinical/questionnaire";
import { completeIntake, screenDraft } from "./health-step";
import { useIntakeDraft } from "./intake-storage";
import { ScreeningStop } from "./screening-stop";

export function IntakeGate({
  healthHref,
  serviceSlug,
  children,
}: {
  healthHref: string;
  serviceSlug?: string;
  children: ReactNode;
}) {
  const { draft, ready } = useIntakeDraft();
  if (!ready) return null; // the tab's answers are read after hydration
  const screening = screenDraft(draft, serviceSlug);
  if (screening.stops) {
    return (
      <div className="flex flex-col gap-3">
        <ScreeningStop outcome={screening.outcome as StopOutcome} />
        <Link href={healthHref} className="inline-flex min-h-11 items-center font-semibold text-teal-800 underline">
          Back to the health questions
        </Link>
      </div>
    );
  }
  if (!completeIntake(draft, serviceSlug)) {
    return (
      <Alert tone="error" title="Your health answers are needed">
        <p>
          We ask them before every booking, and keep them in this browser tab only: they aren&apos;t saved in the link.
          Please answer them to continue.
        </p>
        <Link href={healthHref} className="mt-1 inline-flex min-h-11 items-center font-semibold underline">
          Answer the health questions
        </Link>
      </Alert>
    );
  }
  return <>{children}</>;
}
