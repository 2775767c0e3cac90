// What the services and hours admin forms get back from their Server Actions: a success message, or
// a refusal in words (for the form, for single inputs, or the booked visits the change would strand).
export interface StrandedVisit {
  id: string;
  /** When, in the clinic's zone: "Tue, Dec 1, 2026, 10:00 AM EST". */
  when: string;
  clientName: string;
  serviceName: string;
  href: string;
}

export interface AdminFormState {
  ok: boolean;
  message?: string;
  formError?: string;
  fieldErrors?: Record<string, string[]>;
  stranded?: StrandedVisit[];
}

export type AdminFormAction = (previous: AdminFormState, formData: FormData) => Promise<AdminFormState>;
