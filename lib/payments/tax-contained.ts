// Prices include tax: the tax contained in an amount is amount × rate / (100 + rate), rounded to the
// nearest cent. Pure, for receipts.
export function taxContainedCents(amountCents: number, ratePercent: number): number {
  if (amountCents <= 0 || ratePercent <= 0) return 0;
  return Math.round((amountCents * ratePercent) / (100 + ratePercent));
}
