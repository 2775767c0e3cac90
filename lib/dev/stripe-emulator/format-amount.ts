// Minor units to a display amount in the currency's own precision (2 for USD, 0 for JPY), for the
// checkout page and for error messages worded like Stripe's ("Refund amount ($150.00) …").

export function formatMinorAmount(amountMinor: number, currency: string): string {
  const format = new Intl.NumberFormat("en-US", { style: "currency", currency: currency.toUpperCase() });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(amountMinor / 10 ** digits);
}
