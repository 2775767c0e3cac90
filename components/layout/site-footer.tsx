import Link from "next/link";
import { ClinicPhoneLink, OpeningHours } from "./clinic-phone";
import { MedicalDisclaimer } from "./medical-disclaimer";
import { getClinicIdentity } from "@/lib/clinic/clinic-identity";

const FOOTER_LINKS = [
  ["/learn", "Learn about your calves"],
  ["/services", "Services and prices"],
  ["/account", "Your appointments"],
  ["/privacy", "Privacy and terms"],
] as const;

export function SiteFooter() {
  return (
    <footer className="mt-16 border-t border-teal-600/15 bg-sand-deep">
      <div className="mx-auto grid max-w-6xl gap-8 px-4 py-10 sm:grid-cols-3">
        <div>
          <p className="font-serif text-lg font-semibold text-teal-800">{getClinicIdentity().name}</p>
          <address className="mt-2 not-italic text-muted">
            {getClinicIdentity().street}
            <br />
            {getClinicIdentity().locality}, {getClinicIdentity().region} {getClinicIdentity().postalCode}
            <br />
            <ClinicPhoneLink />
            <br />
            <a className="inline-flex min-h-11 items-center underline" href={`mailto:${getClinicIdentity().email}`}>
              {getClinicIdentity().email}
            </a>
          </address>
          <p className="mt-2">
            <OpeningHours />
          </p>
        </div>
        <nav aria-label="Footer" className="flex flex-col">
          {FOOTER_LINKS.map(([href, label]) => (
            <Link key={href} className="inline-flex min-h-11 items-center underline" href={href}>
              {label}
            </Link>
          ))}
        </nav>
        <MedicalDisclaimer short />
      </div>
    </footer>
  );
}
