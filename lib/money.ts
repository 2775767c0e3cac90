/** Minor units to a display price: 9500, "usd" → "$95.00". */
export function formatMoney(amountMinor: number, currency: string): string {
  return new Intl.NumberFormat("en-US", { style: "currency", currency: currency.toUpperCase() }).format(
    amountMinor / 100,
  );
}
