// The emulator's hosted checkout page: plain HTML, POST forms, no JavaScript, inline CSS sized for a
// 360 px phone. It says TEST MODE where nobody can miss it: no card is asked for, none is charged.
import type { CheckoutSessionRecord } from "./emulator-state";
import { formatMinorAmount } from "./format-amount";

export const TEST_MODE_NOTICE = "TEST MODE — no real card is charged";

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

const STYLE = `
*,*::before,*::after{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2937;background:#f3f4f6}
main{max-width:28rem;margin:0 auto;padding:1rem}
.notice{margin:0 0 1rem;padding:.75rem 1rem;border:2px solid #92400e;border-radius:.5rem;background:#fef3c7;color:#78350f;font-weight:700}
.card{padding:1rem;border-radius:.75rem;background:#fff;box-shadow:0 1px 3px rgb(0 0 0/.12)}
h1{margin:0 0 .75rem;font-size:1.375rem;line-height:1.25}
h2{margin:0 0 .5rem;font-size:1rem}
ul{margin:0;padding:0;list-style:none}
li,.total{display:flex;justify-content:space-between;gap:1rem;padding:.5rem 0;border-bottom:1px solid #e5e7eb}
.total{border-bottom:0;font-weight:700;font-size:1.125rem}
.amount{white-space:nowrap}
form{margin:0}
label{display:block;margin:1rem 0 .25rem;font-weight:600}
input{width:100%;min-height:2.75rem;padding:.5rem .75rem;border:1px solid #6b7280;border-radius:.5rem;font:inherit}
button{width:100%;min-height:2.75rem;margin-top:.75rem;padding:.5rem 1rem;border-radius:.5rem;font:inherit;font-weight:600;cursor:pointer}
.pay{border:0;background:#1d4ed8;color:#fff}
.pay:hover{background:#1e40af}
.secondary{border:1px solid #4b5563;background:#fff;color:#1f2937}
.secondary:hover{background:#f9fafb}
a{color:#1d4ed8}
:focus-visible{outline:3px solid #111827;outline-offset:2px}
.meta{margin:.75rem 0 0;color:#4b5563;font-size:.875rem}
`;

function renderDocument(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<p class="notice" role="note">${TEST_MODE_NOTICE}</p>
${body}
</main>
</body>
</html>
`;
}

function describeTimeLeft(seconds: number): string {
  if (seconds < 90) return "in about a minute";
  const minutes = Math.round(seconds / 60);
  if (minutes < 90) return `in ${minutes} minutes`;
  return `in about ${Math.round(minutes / 60)} hours`;
}

/** The open session: what is being bought, and the three ways out of the page. */
export function renderCheckoutPage(record: CheckoutSessionRecord, nowSeconds: number): string {
  const { session, lineItems } = record;
  const currency = session.currency ?? "usd";
  const total = formatMinorAmount(session.amount_total ?? 0, currency);
  const action = (verb: string) => `/checkout/${encodeURIComponent(session.id)}/${verb}`;
  const items = lineItems
    .map((item) => {
      const quantity = item.quantity > 1 ? ` × ${item.quantity}` : "";
      const amount = formatMinorAmount(item.price_data.unit_amount * item.quantity, currency);
      return `<li><span>${escapeHtml(item.price_data.product_data.name)}${quantity}</span><span class="amount">${amount}</span></li>`;
    })
    .join("\n");
  // Stripe's page asks for the email when the app did not pass customer_email; so does this one.
  const emailField =
    session.customer_email === null
      ? `<label for="email">Email for the receipt</label>
<input id="email" name="email" type="email" autocomplete="email" required>`
      : `<p class="meta">Receipt to ${escapeHtml(session.customer_email)}</p>`;
  const cancel =
    session.cancel_url === null
      ? ""
      : `<form method="post" action="${action("cancel")}"><button type="submit" class="secondary">Cancel</button></form>`;
  return renderDocument(
    `Pay ${total} — test checkout`,
    `<div class="card">
<h1>Pay ${escapeHtml(total)}</h1>
<section aria-labelledby="summary-heading">
<h2 id="summary-heading">Order summary</h2>
<ul>
${items}
</ul>
<p class="total"><span>Total due</span><span class="amount">${total} ${escapeHtml(currency.toUpperCase())}</span></p>
</section>
<form method="post" action="${action("pay")}">
${emailField}
<button type="submit" class="pay">Pay</button>
</form>
${cancel}
<form method="post" action="${action("expire")}"><button type="submit" class="secondary">Let it expire</button></form>
<p class="meta">This checkout expires ${describeTimeLeft(session.expires_at - nowSeconds)}. Pay completes it at once, as if a test card were accepted.</p>
</div>`,
  );
}

/** A session that can no longer be paid: say why, and offer the way back the app asked for. */
export function renderClosedCheckoutPage(record: CheckoutSessionRecord, successRedirect: string): string {
  const { session } = record;
  if (session.status === "complete") {
    return renderDocument(
      "Already paid — test checkout",
      `<div class="card"><h1>This checkout is already paid</h1>
<p><a href="${escapeHtml(successRedirect)}">Continue to your booking</a></p></div>`,
    );
  }
  const back =
    session.cancel_url === null ? "" : `<p><a href="${escapeHtml(session.cancel_url)}">Go back and start again</a></p>`;
  return renderDocument(
    "Expired — test checkout",
    `<div class="card"><h1>This checkout has expired</h1>
<p>Nothing was charged.</p>
${back}</div>`,
  );
}

export function renderMissingCheckoutPage(): string {
  return renderDocument(
    "Not found — test checkout",
    `<div class="card"><h1>No such checkout</h1><p>This link does not match any checkout of this emulator. It may have been restarted since the link was made: its sessions live in memory.</p></div>`,
  );
}
