import Link from "next/link";
import { CLINIC } from "@/lib/clinic";
import { MedicalDisclaimer } from "./medical-disclaimer";

export function SiteFooter() {
  return (
    <footer className="mt-16 border-t border-teal-600/15 bg-sand-deep">
      <div className="mx-auto grid max-w-6xl gap-8 px-4 py-10 sm:grid-cols-3">
        <div>
          <p className="font-serif text-lg font-semibold text-teal-800">{CLINIC.name}</p>
          <address className="mt-2 not-italic text-muted">
            {CLINIC.street}
            <br />
            {CLINIC.locality}, {CLINIC.region} {CLINIC.postalCode}
            <br />
            <a className="underline" href={`tel:${CLINIC.phone}`}>
              {CLINIC.phoneDisplay}
            </a>
            <br />
            <a className="underline" href={`mailto:${CLINIC.email}`}>
              {CLINIC.email}
            </a>
          </address>
        </div>
        <nav aria-label="Footer" className="flex flex-col gap-2">
          <Link className="underline" href="/learn">
            Learn about your calves
          </Link>
          <Link className="underline" href="/services">
            Services and prices
          </Link>
          <Link className="underline" href="/account">
            Your appointments
          </Link>
        </nav>
        <MedicalDisclaimer />
      </div>
    </footer>
  );
}
