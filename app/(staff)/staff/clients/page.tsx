import type { Metadata } from "next";
import Link from "next/link";
import { searchClients } from "@/lib/clients/clients";
import { requireStaffRoute } from "@/lib/auth/require-staff-route";
import { loadStaffViewer, seesEveryone } from "@/lib/auth/staff-viewer";

export const metadata: Metadata = { title: "Staff: clients", robots: { index: false } };

type Props = { searchParams: Promise<{ q?: string | string[] }> };

// Find a client by name, email or phone: an admin any client, a therapist those they have seen or will see.
export default async function StaffClientsPage({ searchParams }: Props) {
  const user = await requireStaffRoute("/staff/clients");
  const viewer = await loadStaffViewer(user);
  const raw = (await searchParams).q;
  const q = (Array.isArray(raw) ? raw[0] : raw)?.slice(0, 100) ?? "";
  const clients = await searchClients(viewer, q);

  return (
    <>
      <h1 className="text-3xl font-semibold text-teal-800">Clients</h1>
      <p className="text-muted">
        {seesEveryone(viewer) ? "Every client of the clinic." : "Clients you have seen or will see."}
      </p>
      <form method="get" role="search" className="mt-6 flex flex-wrap items-end gap-3">
        <label className="flex flex-col gap-1 font-semibold">
          Name, email or phone
          <input
            type="search"
            name="q"
            defaultValue={q}
            maxLength={100}
            className="min-h-11 w-72 rounded-lg border border-control bg-white px-3"
          />
        </label>
        <button
          type="submit"
          className="min-h-11 rounded-full bg-teal-700 px-5 font-semibold text-white hover:bg-teal-800"
        >
          Search
        </button>
      </form>
      <h2 className="sr-only">Results</h2>
      {clients.length === 0 ? (
        <p className="mt-6">No clients found.</p>
      ) : (
        <ul className="mt-6 divide-y divide-teal-600/10 rounded-2xl bg-white ring-1 ring-teal-600/15">
          {clients.map((client) => (
            <li key={client.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 p-3">
              <Link href={`/staff/clients/${client.id}`} className="min-h-11 content-center font-semibold underline">
                {client.name ?? client.email}
              </Link>
              <span>{client.email}</span>
              <span className="text-muted">{client.phone ?? "No phone"}</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
