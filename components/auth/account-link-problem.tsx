import { ButtonLink } from "@/components/ui/button";

export type AccountLinkProblemReason = "invalid" | "expired" | "used";

const EXPLANATIONS: Record<AccountLinkProblemReason, string> = {
  used: "This link has already been used. Each link works once.",
  expired: "This link has expired.",
  invalid: "This link isn't valid. It may have been replaced by a newer one, or copied only in part.",
};

// What an emailed link says when it can no longer be used, with the way to get a fresh one.
export function AccountLinkProblem({
  reason,
  heading,
  newLink,
}: {
  reason: AccountLinkProblemReason;
  heading: string;
  newLink: { href: string; label: string };
}) {
  return (
    <>
      <h1 className="text-3xl font-semibold text-teal-800">{heading}</h1>
      <div role="status" className="mt-4 rounded-xl border border-alert-700/40 bg-alert-50 px-4 py-3 text-alert-700">
        <p className="font-semibold">{EXPLANATIONS[reason]}</p>
        <p>Ask for a new link and use the newest email we send.</p>
      </div>
      <ButtonLink href={newLink.href} className="mt-6">
        {newLink.label}
      </ButtonLink>
    </>
  );
}
