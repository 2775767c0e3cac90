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
} as const;
