"use client";

// Shown across the account until the address is confirmed. Booking works either way.
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import type { ButtonActionState } from "@/lib/auth/account-schemas";

export function EmailVerificationBanner({
  email,
  action: resend,
}: {
  email: string;
  action: (previous: ButtonActionState, formData: FormData) => Promise<ButtonActionState>;
}) {
  const [state, action, pending] = useActionState<ButtonActionState, FormData>(resend, { ok: false });
  return (
    <section
      aria-labelledby="verify-email-heading"
      className="mb-8 rounded-2xl border border-teal-600/30 bg-teal-50 px-5 py-4 text-teal-900 print:hidden"
    >
      <h2 id="verify-email-heading" className="font-semibold">
        Please confirm your email address
      </h2>
      <p className="mt-1">
        We sent a link to <strong className="break-all">{email}</strong>. Confirming it makes sure our appointment
        messages reach you. You can book in the meantime.
      </p>
      <form action={action} className="mt-3 flex flex-wrap items-center gap-3">
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Sending…" : "Send the link again"}
        </Button>
        <p role="status" className={state.formError ? "font-medium text-alert-700" : ""}>
          {state.formError ?? state.message ?? ""}
        </p>
      </form>
    </section>
  );
}
