// The clinic's public details, shown in the footer and structured data.
export const CLINIC = {
  name: "Second Heart Calf Clinic",
  shortName: "Second Heart",
  tagline: "Calf massage for better circulation",
  street: "214 Atlantic Avenue",
  locality: "Brooklyn",
  region: "NY",
  postalCode: "11201",
  country: "US",
  phone: "+1-718-555-0142",
  phoneDisplay: "(718) 555-0142",
  email: "hello@secondheart.clinic",
  // When someone answers the phone and the front desk (the clinic's zone). Therapists' own hours,
  // which decide bookable times, are kept per therapist in the database.
  openingHours: [
    {
      days: "Monday to Friday",
      dayOfWeek: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
      opens: "08:00",
      closes: "19:00",
      label: "8 am to 7 pm",
    },
    { days: "Saturday", dayOfWeek: ["Saturday"], opens: "09:00", closes: "15:00", label: "9 am to 3 pm" },
  ],
  closedDays: "Closed Sundays and public holidays",
} as const;

/** "Mon–Fri 8 am to 7 pm; Saturday 9 am to 3 pm; closed Sundays and public holidays." in one line. */
export const OPENING_HOURS_TEXT = `${CLINIC.openingHours
  .map((hours) => `${hours.days}, ${hours.label}`)
  .join("; ")}. ${CLINIC.closedDays}.`;
