import type { Metadata } from "next";
import Link from "next/link";
import { ServiceForm } from "@/components/staff/service-form";
import { NEW_SERVICE_VALUES } from "@/components/staff/service-form-values";
import { listAftercareGuides, listTherapistChoices } from "@/lib/catalog-admin/admin-catalogue";
import { requireStaffRoute } from "@/lib/auth/require-staff-route";
import { saveServiceAction } from "../actions";

export const metadata: Metadata = { title: "Staff: new service", robots: { index: false } };

// Admins only: a new service, shown on the site and open for booking as soon as it is created.
export default async function NewServicePage() {
  await requireStaffRoute("/staff/services/new");
  const [therapists, guides] = await Promise.all([listTherapistChoices(), listAftercareGuides()]);
  return (
    <>
      <p>
        <Link href="/staff/services" className="inline-flex min-h-11 items-center text-teal-800 underline">
          All services
        </Link>
      </p>
      <h1 className="text-3xl font-semibold text-teal-800">New service</h1>
      <p className="mt-2 text-muted">It is shown on the site and open for booking as soon as you create it.</p>
      <div className="mt-6 max-w-3xl">
        <ServiceForm
          initial={NEW_SERVICE_VALUES}
          therapists={therapists.map((therapist) => ({
            id: therapist.id,
            label: `${therapist.displayName}, ${therapist.title}${therapist.active ? "" : " (inactive)"}`,
          }))}
          guides={guides}
          action={saveServiceAction}
        />
      </div>
    </>
  );
}
