// The clinic as the server sees it: who and where it is, and the IANA time zone its days, hours and
// every time shown are in (CLINIC_TIME_ZONE). Every page, action and job asks here, so serving a
// second location is a change to this accessor, not to the places that read it. Pure time code
// (lib/time, slot computation) keeps taking the zone as a parameter.
import { getEnv } from "@/lib/env";
import { getClinicIdentity, type ClinicIdentity } from "./clinic-identity";

export interface Clinic extends ClinicIdentity {
  timeZone: string;
}

export function getClinic(): Clinic {
  return { ...getClinicIdentity(), timeZone: getEnv().CLINIC_TIME_ZONE };
}
