// Who and where the clinic is: its name, address, phone, email and front-desk hours. The one source
// of these facts (its zone is added by getClinic in ./get-clinic.ts). This part reads no settings, so
// code that also runs in the browser (the health step's stop message, the phone line) can use it.
const CLINIC_IDENTITY = {
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

export type ClinicIdentity = typeof CLINIC_IDENTITY & {
  /** "214 Atlantic Avenue, Brooklyn, NY 11201". */
  address: string;
  /** "Monday to Friday, 8 am to 7 pm; Saturday, 9 am to 3 pm. Closed Sundays and public holidays." */
  openingHoursText: string;
};

const identity: ClinicIdentity = {
  ...CLINIC_IDENTITY,
  address: `${CLINIC_IDENTITY.street}, ${CLINIC_IDENTITY.locality}, ${CLINIC_IDENTITY.region} ${CLINIC_IDENTITY.postalCode}`,
  openingHoursText: `${CLINIC_IDENTITY.openingHours
    .map((hours) => `${hours.days}, ${hours.label}`)
    .join("; ")}. ${CLINIC_IDENTITY.closedDays}.`,
};

/** The clinic's name, address, phone, email and hours; on the server, prefer getClinic (it adds the zone). */
export function getClinicIdentity(): ClinicIdentity {
  return identity;
}
