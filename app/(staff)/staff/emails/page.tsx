import type { Metadata } from "next";
import Link from "next/link";
import { EmailMessageList } from "@/components/notifications/email-message-list";
import { getEnv } from "@/lib/env";
import { EMAIL_STATUSES, listOutboxMessages, STAFF_EMAIL_PAGE_SIZE } from "@/lib/notifications/list-outbox-messages";
import { requireStaffRoute } from "@/lib/auth/require-staff-route";
import { retryEmailAction } from "./actions";
import { getClinic } from "@/lib/clinic/get-clinic";

export const metadata: Metadata = { title: "Staff: sent email", robots: { index: false } };

const FILTERS = [
  { status: undefined, label: "All" },
  { status: "FAILED", label: "Failed" },
  { status: "PENDING", label: "Waiting" },
  { status: "SENT", label: "Sent" },
] as const;

type Status = (typeof EMAIL_STATUSES)[number];
const isStatus = (value: unknown): value is Status => EMAIL_STATUSES.includes(value as Status);

// Admins only: every message the clinic sent or is sending, newest first, filtered by status. A
// failed one (the dead letter) shows why and can be retried.
export default async function StaffEmailsPage({ searchParams }: { searchParams: Promise<{ status?: string }> }) {
  await requireStaffRoute("/staff/emails");
  const params = await searchParams;
  const status = isStatus(params.status) ? params.status : undefined;
  const { messages, counts } = await listOutboxMessages({ status });
  const env = getEnv();
  const total = counts.PENDING + counts.SENT + counts.FAILED;
  return (
    <>
      <h1 className="text-3xl font-semibold text-teal-800">Sent email</h1>
      <p className="mt-2 text-muted">
        {env.SMTP_URL
          ? "Messages are delivered over SMTP; a failed one is tried 8 times with growing pauses, then kept here with the reason."
          : "No mail server is set up (SMTP_URL), so messages are kept here rather than sent."}{" "}
        Messages holding a private link (password reset, email confirmation, staff invitation) are listed without their
        text.
      </p>
      <nav aria-label="Filter by status" className="mt-6">
        <ul className="flex flex-wrap gap-2">
          {FILTERS.map((filter) => {
            const count = filter.status ? counts[filter.status] : total;
            const current = filter.status === status;
            return (
              <li key={filter.label}>
                <Link
                  href={filter.status ? `/staff/emails?status=${filter.status}` : "/staff/emails"}
                  aria-current={current ? "page" : undefined}
                  className="inline-flex min-h-11 items-center rounded-full bg-white px-4 font-semibold text-teal-800 ring-1 ring-teal-600/30 hover:bg-teal-50 aria-[current=page]:bg-teal-100 aria-[current=page]:underline"
                >
                  {filter.status === "SENT" && !env.SMTP_URL ? "Kept" : filter.label} ({count})
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      <p className="mt-4 text-sm text-muted">
        Newest first; the latest {STAFF_EMAIL_PAGE_SIZE} shown. Times in the clinic&apos;s zone.
      </p>
      <section aria-label="Messages" className="mt-4">
        <EmailMessageList
          messages={messages}
          timeZone={getClinic().timeZone}
          audience="staff"
          retryAction={retryEmailAction}
          emptyText={status ? "No messages with this status." : "No messages yet."}
          delivered={Boolean(env.SMTP_URL)}
        />
      </section>
    </>
  );
}
