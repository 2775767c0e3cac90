import type { Metadata } from "next";
import Link from "next/link";
import { CallUs } from "@/components/layout/clinic-phone";
import { getClinic } from "@/lib/clinic/get-clinic";

export const metadata: Metadata = {
  title: "Privacy and terms",
  description:
    "What the clinic keeps about you, including your health answers and treatment notes, why, for how long, who can see it, and the terms of booking online.",
  alternates: { canonical: "/privacy" },
};

const LAST_UPDATED = "23 November 2026";

// Plain words, kept true to what the code does: if a retention period or a viewer changes, this page
// changes in the same commit.
export default function PrivacyPage() {
  return (
    <article className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="text-4xl font-semibold text-teal-800">Privacy and terms</h1>
      <p className="mt-2 text-sm text-muted">Last updated {LAST_UPDATED}</p>

      <nav aria-label="On this page" className="mt-6 rounded-2xl bg-white p-5 ring-1 ring-teal-600/15">
        <ul className="flex flex-col">
          {[
            ["#what-we-keep", "What we keep"],
            ["#health-data", "Your health answers and treatment notes"],
            ["#who-sees-it", "Who can see it"],
            ["#how-long", "How long we keep it"],
            ["#your-choices", "Your choices"],
            ["#terms", "Terms of booking"],
          ].map(([href, label]) => (
            <li key={href}>
              <a className="inline-flex min-h-11 items-center underline" href={href}>
                {label}
              </a>
            </li>
          ))}
        </ul>
      </nav>

      <h2 id="what-we-keep" className="mt-10 text-2xl font-semibold text-teal-800">
        What we keep
      </h2>
      <ul className="mt-3 list-disc space-y-2 pl-6">
        <li>Your account: name, email address, phone number if you give one, and a scrambled form of your password.</li>
        <li>Your appointments: the treatment, therapist, time, what you paid and any refund.</li>
        <li>
          Payments: card payments are taken by Stripe on its own page. We never see or store your card number; we keep
          Stripe&apos;s reference for the payment so we can refund it.
        </li>
        <li>The emails we send you, so you can read them again under Messages in your account.</li>
        <li>
          Two cookies: one keeps you signed in, the other remembers a browser you have signed in from so that someone
          guessing your password cannot lock you out. No advertising or tracking cookies, and no analytics services.
        </li>
      </ul>

      <h2 id="health-data" className="mt-10 text-2xl font-semibold text-teal-800">
        Your health answers and treatment notes
      </h2>
      <p className="mt-3">
        Before each booking we ask a few screening questions (recent calf pain or swelling, surgery, clots, blood
        thinners, pregnancy and similar). We ask because a few conditions make calf massage unsafe, and your therapist
        needs to know before your visit. During and after a visit your therapist writes a treatment note and scores each
        calf for tension, swelling and tenderness, so the next visit can build on the last. We use these only to treat
        you safely. We never put them in emails, never sell them and never use them for marketing.
      </p>
      <p className="mt-3">
        Before your first booking, and again if we change its wording, you sign our treatment consent by typing your
        name; we keep the signed copy with its version, and you can read and print it under{" "}
        <Link href="/account/consent">Consent in your account</Link>. If a doctor gives you the go-ahead for massage,
        staff note who gave it, for which condition and until when. Both are kept as long as your treatment notes.
      </p>

      <h2 id="who-sees-it" className="mt-10 text-2xl font-semibold text-teal-800">
        Who can see it
      </h2>
      <ul className="mt-3 list-disc space-y-2 pl-6">
        <li>You: your answers, appointments, receipts and messages, in your account.</li>
        <li>Your therapist: the answers and notes for the visits they give you. Other therapists cannot open them.</li>
        <li>The clinic&apos;s administrators, who run the schedule, refunds and records.</li>
      </ul>
      <p className="mt-3">
        Every time a staff member opens your health answers or notes, the system records who and when. You can see that
        list yourself under <Link href="/account/privacy">Privacy in your account</Link>.
      </p>

      <h2 id="how-long" className="mt-10 text-2xl font-semibold text-teal-800">
        How long we keep it
      </h2>
      <ul className="mt-3 list-disc space-y-2 pl-6">
        <li>Your account details: until you delete your account.</li>
        <li>
          Treatment notes, calf records and screening answers: at least six years after your last visit, the period New
          York sets for the records of licensed professions.
        </li>
        <li>Payments and refunds: as long as tax and accounting law requires (typically seven years).</li>
      </ul>

      <h2 id="your-choices" className="mt-10 text-2xl font-semibold text-teal-800">
        Your choices
      </h2>
      <ul className="mt-3 list-disc space-y-2 pl-6">
        <li>Download everything we hold about you, as a file, from Privacy in your account.</li>
        <li>
          Delete your account there too. Future appointments are cancelled first, and refunded under each
          treatment&apos;s cancellation policy. The records we must keep (payments, and clinical records for the period
          above) stay, with your name, email and phone removed.
        </li>
        <li>
          Correct your name, phone or email under Profile and security, or ask us: email{" "}
          <a className="inline-flex min-h-11 items-center underline" href={`mailto:${getClinic().email}`}>
            {getClinic().email}
          </a>
          .
        </li>
      </ul>

      <h2 id="terms" className="mt-10 text-2xl font-semibold text-teal-800">
        Terms of booking
      </h2>
      <ul className="mt-3 list-disc space-y-2 pl-6">
        <li>
          A booking is confirmed once it is paid; until then the time is held for you for a short while. Prices include
          any tax.
        </li>
        <li>
          Each treatment states its cancellation policy on its page and before you pay: a full refund if you cancel
          early enough, and what happens later. If you cancel because of new calf pain or swelling, there is never a
          fee.
        </li>
        <li>
          We educate and we massage; we do not diagnose. Sudden pain, swelling, warmth or redness in one calf needs a
          doctor today (urgent care if no one can see you), not a massage; chest pain or sudden breathlessness needs
          911.
        </li>
        <li>You must be 18 or over to book online. Younger clients can be booked by a parent by phone.</li>
      </ul>
      <p className="mt-6">
        <CallUs lead="Questions? Call us on" />
      </p>
    </article>
  );
}
