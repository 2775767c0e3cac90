import type { Metadata } from "next";
import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import { formatMoney } from "@/lib/money";
import { listServicesForAdmin } from "@/lib/catalog-admin/admin-catalogue";
import { requireStaffRoute } from "@/lib/auth/require-staff-route";

export const metadata: Metadata = { title: "Staff: services", robots: { index: false } };

// Admins only: every service the clinic has offered, retired ones last, each opening its editor.
export default async function StaffServicesPage() {
  await requireStaffRoute("/staff/services");
  const services = await listServicesForAdmin();
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-3xl font-semibold text-teal-800">Services</h1>
        <ButtonLink href="/staff/services/new">New service</ButtonLink>
      </div>
      {services.length === 0 ? (
        <p className="mt-6 text-muted">No services yet. Create the first one to open online booking.</p>
      ) : (
        <ul className="mt-6 divide-y divide-teal-600/10 rounded-2xl bg-white ring-1 ring-teal-600/15">
          {services.map((service) => (
            <li key={service.id} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 p-4">
              <div>
                <Link
                  href={`/staff/services/${encodeURIComponent(service.id)}`}
                  className="inline-flex min-h-11 items-center text-lg font-semibold text-teal-800 underline underline-offset-2"
                >
                  {service.name}
                </Link>
                <p className="text-sm text-muted">
                  {formatMoney(service.priceCents, service.currency)} · {service.durationMinutes} min ·{" "}
                  {service._count.therapists === 1 ? "1 therapist" : `${service._count.therapists} therapists`}
                </p>
              </div>
              <span
                className={`rounded-full px-3 py-1 text-sm font-semibold ${service.active ? "bg-teal-50 text-teal-800" : "bg-stone-100 text-stone-700"}`}
              >
                {service.active ? "Offered" : "Retired"}
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
