import type { Metadata } from "next";
import { requireStaffRoute } from "@/lib/staff/require-staff-route";
import { listStaffMembers } from "@/lib/staff/team";

export const metadata: Metadata = { title: "Staff: team", robots: { index: false } };

const ROLE = { ADMIN: "Admin", THERAPIST: "Therapist", CLIENT: "Client" } as const;

// Admins only: the clinic's staff accounts (managing them comes with the account-management work).
export default async function StaffTeamPage() {
  await requireStaffRoute("/staff/team");
  const members = await listStaffMembers();
  return (
    <>
      <h1 className="text-3xl font-semibold text-teal-800">Team</h1>
      <div className="mt-6 overflow-x-auto rounded-2xl bg-white ring-1 ring-teal-600/15">
        <table className="w-full text-left">
          <thead className="bg-teal-50 text-sm">
            <tr>
              <th scope="col" className="p-3">
                Name
              </th>
              <th scope="col" className="p-3">
                Email
              </th>
              <th scope="col" className="p-3">
                Role
              </th>
              <th scope="col" className="p-3">
                Therapist profile
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-teal-600/10">
            {members.map((member) => (
              <tr key={member.id}>
                <td className="p-3">{member.name ?? "Not given"}</td>
                <td className="p-3">{member.email}</td>
                <td className="p-3">{ROLE[member.role]}</td>
                <td className="p-3">
                  {member.therapist
                    ? `${member.therapist.displayName}, ${member.therapist.title}${member.therapist.active ? "" : " (inactive)"}`
                    : "None"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
