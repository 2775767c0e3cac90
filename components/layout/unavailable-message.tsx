import { ButtonLink } from "@/components/ui/button";
import { getClinicIdentity } from "@/lib/clinic/clinic-identity";

// What a visitor sees when the site cannot reach its records (the database is down or saturated):
// served by the production server, with status 503, in place of the page that failed.
export function UnavailableMessage() {
  return (
    <div className="mx-auto max-w-xl px-4 py-20 text-center">
      <h1 className="text-3xl font-semibold text-teal-800">We&apos;re having trouble right now</h1>
      <p className="mt-3 text-muted">
        Please try again in a minute. If it keeps happening, call the clinic on{" "}
        <a className="font-semibold text-teal-800 underline" href={`tel:${getClinicIdentity().phone}`}>
          {getClinicIdentity().phoneDisplay}
        </a>
        .
      </p>
      <div className="mt-8 flex flex-wrap justify-center gap-3">
        <ButtonLink href="/">Go to the home page</ButtonLink>
        <ButtonLink href="/learn" variant="secondary">
          Read our articles
        </ButtonLink>
      </div>
    </div>
  );
}
