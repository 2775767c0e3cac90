import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ServiceForm } from "@/components/staff/service-form";
import { serviceFormValuesOf } from "@/components/staff/service-form-values";
import { ServiceStatusForm } from "@/components/staff/service-status-form";
import { Alert } from "@/components/ui/alert";
import { getServiceForAdmin, listAftercareGuides, listTherapistChoices } from "@/lib/catalog-admin/admin-catalogue";
import { requireStaffRoute } from "@/lib/auth/require-staff-route";
import { restoreServiceAction, retireServiceAction, saveServiceAction } from "../actions";

export const metadata: Metadata = { title: "Staff: service", robots: { index: false } };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// Admins only: one service's editor, and retiring it (or bringing it back).
export default async function StaffServicePage({ params, searchParams }: Props) {
  const { id } = await params;
  await requireStaffRoute("/staff/services/[id]", `/staff/services/${encodeURIComponent(id)}`);
  const created = (await searchParams).created === "1";
  const [service, therapists, guides] = await Promise.all([
    getServiceForAdmin(id),
    listTherapistChoices(),
    listAftercareGuides(),
  ]);
  if (!service) notFound();
  return (
    <>
      <p>
        <Link href="/staff/services" className="inline-flex min-h-11 items-center text-teal-800 underline">
          All services
        </Link>
      </p>
      <h1 className="text-3xl font-semibold text-teal-800">{service.name}</h1>
      <p className="mt-2 text-muted">
        {service.active ? (
          <>
            Offered on the site at{" "}
            <Link href={`/services/${service.slug}`} className="text-teal-800 underline">
              /services/{service.slug}
            </Link>
            .
          </>
        ) : (
          "Retired: not shown on the site and not open for booking."
        )}
      </p>
      {created ? (
        <div className="mt-4">
          <Alert title="Service created">It is shown on the site and open for booking now.</Alert>
        </div>
      ) : null}
      <div className="mt-6 max-w-3xl">
        <ServiceForm
          serviceId={service.id}
          initial={serviceFormValuesOf({
            ...service,
            therapistIds: service.therapists.map((link) => link.therapistId),
          })}
          therapists={therapists.map((therapist) => ({
            id: therapist.id,
            label: `${therapist.displayName}, ${therapist.title}${therapist.active ? "" : " (inactive)"}`,
          }))}
          guides={guides}
          action={saveServiceAction}
        />
      </div>
      <section
        aria-labelledby="status-heading"
        className="mt-10 max-w-3xl rounded-2xl bg-white p-5 ring-1 ring-teal-600/15"
      >
        <h2 id="status-heading" className="text-xl font-semibold text-teal-800">
          {service.active ? "Retire" : "Retired"}
        </h2>
        <div className="mt-3">
          <ServiceStatusForm
            serviceId={service.id}
            serviceName={service.name}
            active={service.active}
            retireAction={retireServiceAction}
            restoreAction={restoreServiceAction}
          />
        </div>
      </section>
    </>
  );
}
