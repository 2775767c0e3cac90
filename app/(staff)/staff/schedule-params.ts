// Reading the schedule pages' query: a day (else today in the clinic zone) and a therapist filter.
import { clinicToday, isSchedulableDate } from "@/lib/time/clinic-time";

export type ScheduleSearchParams = Promise<{ day?: string | string[]; therapist?: string | string[] }>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export async function readScheduleParams(searchParams: ScheduleSearchParams, timeZone: string) {
  const params = await searchParams;
  const requested = first(params.day);
  const valid = requested !== undefined && isSchedulableDate(requested);
  return {
    day: valid ? requested : clinicToday(timeZone),
    invalidDay: requested !== undefined && requested !== "" && !valid,
    therapist: first(params.therapist)?.slice(0, 64) || undefined,
  };
}
