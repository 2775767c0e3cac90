import type { Metadata } from "next";
import { EmailMessageList } from "@/components/notifications/email-message-list";
import { requireUser } from "@/lib/auth/guards";
import { listClientMessages } from "@/lib/notifications/list-outbox-messages";
import { getClinic } from "@/lib/clinic/get-clinic";

export const metadata: Metadata = { title: "Your messages", robots: { index: false } };

// The messages the clinic sent this account (confirmations, moves, reminders, receipts), newest
// first, each readable here as well as in the mailbox.
export default async function AccountMessagesPage() {
  const user = await requireUser("/account/messages");
  const messages = await listClientMessages(user.id);
  return (
    <>
      <h1 className="text-3xl font-semibold text-teal-800">Your messages</h1>
      <p className="mt-2 mb-6 text-muted">
        What we have emailed you, newest first. Times are in the clinic&apos;s zone. Messages with a private link (a
        password reset, say) open from your mailbox only.
      </p>
      <EmailMessageList
        messages={messages}
        timeZone={getClinic().timeZone}
        audience="client"
        emptyText="We haven't emailed you yet. Your booking confirmations and reminders will appear here."
      />
    </>
  );
}
