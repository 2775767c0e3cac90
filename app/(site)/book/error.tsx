"use client";

// The booking page failed on the server. Nothing was booked or charged by a page load, so say
// that, offer a retry, and give the phone number as the way that always works.
import { useEffect } from "react";
import { Button } from "@/components/ui/button";
import { ClinicPhoneLink, OpeningHours } from "@/components/layout/clinic-phone";

export default function BookError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-3xl font-semibold text-teal-800">Booking isn&apos;t loading</h1>
      <p className="mt-3">
        Sorry, something went wrong on our side. Nothing has been booked or charged. Please try again, or call us on{" "}
        <ClinicPhoneLink /> and we&apos;ll book you by phone.
      </p>
      <p>
        <OpeningHours />
      </p>
      {error.digest ? <p className="mt-2 text-sm text-muted">Reference: {error.digest}</p> : null}
      <Button className="mt-6" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
