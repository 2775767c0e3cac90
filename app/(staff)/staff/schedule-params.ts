// Reading the schedule pages' query: a day (else today in the clinic zone) and a therapist filter.
import { firstSearchParam } from "@/lib/http/search-params";
import { clinicToday, isSchedulableDate } from "@/lib/time/clinic-time";

export type ScheduleSearchParams = Promise<{ day?: string | string[]; therapist?: string | string[] }>;

export async function readScheduleParams(searchParams: ScheduleSearchParams, timeZone: string) {
  const params = await searchParams;
  const requested = Array.isArray(params.day) ? params.day[0] : params.day;
  const valid = requested !== undefined && isSchedulableDate(requested);
  return {
    day: valid ? requested : clinicToday(timeZone),
    invalidDay: requested !== undefined && requested !== "" && !valid,
    therapist: firstSearchParam(params.therapist, 64) || undefined,
  };
}
