import type { BookingStatus } from "@/lib/booking/status";

const LABELS: Record<BookingStatus, { label: string; className: string }> = {
  PENDING_PAYMENT: { label: "Awaiting payment", className: "bg-amber-100 text-amber-900" },
  CONFIRMED: { label: "Confirmed", className: "bg-teal-100 text-teal-800" },
  CHECKED_IN: { label: "Checked in", className: "bg-teal-600 text-white" },
  COMPLETED: { label: "Completed", className: "bg-sand-deep text-ink" },
  CANCELLED: { label: "Cancelled", className: "bg-alert-50 text-alert-700" },
  NO_SHOW: { label: "No-show", className: "bg-alert-50 text-alert-700" },
  EXPIRED: { label: "Hold expired", className: "bg-sand-deep text-muted" },
};

export function StatusBadge({ status }: { status: BookingStatus }) {
  const { label, className } = LABELS[status];
  return <span className={`inline-flex rounded-full px-2.5 py-0.5 text-sm font-semibold ${className}`}>{label}</span>;
}
