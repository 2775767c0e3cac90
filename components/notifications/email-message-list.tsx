// A list of outbox messages as a person reads them: subject, recipient, status, when, and the text
// of the message folded away. Staff also see attempts and why a failed message failed, with a retry
// button; a message holding a private link shows that it does, never the link.
import { EmailRetryForm } from "@/components/staff/email-retry-form";
import type { OutboxMessageView } from "@/lib/notifications/list-outbox-messages";
import { formatClinicDateTime } from "@/lib/time/clinic-time";
import type { ActionState, FormAction } from "@/lib/forms/action-state";

const STATUS_LABEL = {
  PENDING: { staff: "Waiting to send", client: "Being sent", tone: "bg-sand-deep text-ink" },
  SENT: { staff: "Sent", client: "Sent", tone: "bg-teal-100 text-teal-900" },
  FAILED: { staff: "Failed (dead letter)", client: "Not delivered", tone: "bg-alert-50 text-alert-700" },
} as const;

export function EmailMessageList({
  messages,
  timeZone,
  audience,
  retryAction,
  emptyText,
  delivered = true,
}: {
  messages: OutboxMessageView[];
  timeZone: string;
  audience: "staff" | "client";
  retryAction?: FormAction<ActionState>;
  emptyText: string;
  /** false when no mail server is set up: a "sent" message was only kept, not delivered. */
  delivered?: boolean;
}) {
  if (messages.length === 0) return <p className="rounded-2xl bg-white p-5 ring-1 ring-teal-600/15">{emptyText}</p>;
  return (
    <ul className="flex flex-col gap-4">
      {messages.map((message) => {
        const status =
          message.status === "SENT" && !delivered
            ? { staff: "Kept (no mail server)", client: "Kept here", tone: STATUS_LABEL.SENT.tone }
            : STATUS_LABEL[message.status];
        return (
          <li key={message.id}>
            <article
              aria-labelledby={`message-${message.id}`}
              className="rounded-2xl bg-white p-5 ring-1 ring-teal-600/15"
            >
              <div className="flex flex-wrap items-start justify-between gap-2">
                <h2 id={`message-${message.id}`} className="text-lg font-semibold break-words">
                  {message.subject}
                </h2>
                <span className={`rounded-full px-3 py-1 text-sm font-semibold ${status.tone}`}>
                  {status[audience]}
                </span>
              </div>
              <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
                <dt className="font-semibold">To</dt>
                <dd className="break-all">{message.toAddress}</dd>
                <dt className="font-semibold">Written</dt>
                <dd>
                  <time dateTime={message.createdAt.toISOString()}>
                    {formatClinicDateTime(message.createdAt, timeZone)}
                  </time>
                </dd>
                {message.sentAt ? (
                  <>
                    <dt className="font-semibold">{delivered ? "Sent" : "Processed"}</dt>
                    <dd>
                      <time dateTime={message.sentAt.toISOString()}>
                        {formatClinicDateTime(message.sentAt, timeZone)}
                      </time>
                    </dd>
                  </>
                ) : null}
                {audience === "staff" ? (
                  <>
                    <dt className="font-semibold">Kind</dt>
                    <dd>{message.template}</dd>
                    <dt className="font-semibold">Attempts</dt>
                    <dd>{message.attempts}</dd>
                  </>
                ) : null}
                {message.attachmentNames.length > 0 ? (
                  <>
                    <dt className="font-semibold">Attached</dt>
                    <dd>{message.attachmentNames.join(", ")}</dd>
                  </>
                ) : null}
                {audience === "staff" && message.lastError ? (
                  <>
                    <dt className="font-semibold">{message.status === "FAILED" ? "Reason" : "Last error"}</dt>
                    <dd className="break-words text-alert-700">{message.lastError}</dd>
                  </>
                ) : null}
              </dl>
              {message.text === null ? (
                <p className="mt-3 text-sm italic">This message contains a private link; it is not shown here.</p>
              ) : (
                <details className="mt-3">
                  <summary className="inline-flex min-h-11 cursor-pointer items-center font-semibold text-teal-800 underline">
                    Show the message
                  </summary>
                  <pre className="mt-2 overflow-x-auto rounded-xl bg-teal-50/50 p-4 font-sans text-sm whitespace-pre-wrap">
                    {message.text}
                  </pre>
                </details>
              )}
              {audience === "staff" && message.status === "FAILED" && retryAction ? (
                <div className="mt-3">
                  <EmailRetryForm messageId={message.id} toAddress={message.toAddress} action={retryAction} />
                </div>
              ) : null}
            </article>
          </li>
        );
      })}
    </ul>
  );
}
