import type { Metadata } from "next";
import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";

export const metadata: Metadata = { title: "Your account is deleted", robots: { index: false } };

// Where deleting an account lands: said plainly, with what was kept and why (see /privacy).
export default function AccountDeletedPage() {
  return (
    <div className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-3xl font-semibold text-teal-800">Your account is deleted</h1>
      <p className="mt-4">
        You are signed out everywhere, and your name, email address and phone number are removed. Any appointments still
        to come were cancelled and refunded under their treatment&apos;s cancellation policy.
      </p>
      <p className="mt-3">
        What the law asks us to keep (payments, and clinical records for the period our{" "}
        <Link className="font-semibold text-teal-800 underline" href="/privacy#how-long">
          privacy notice
        </Link>{" "}
        states) stays, no longer linked to your name.
      </p>
      <ButtonLink className="mt-8" href="/">
        Go to the home page
      </ButtonLink>
    </div>
  );
}
