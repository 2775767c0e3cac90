// Builders for booking tests: a service, therapists who offer it and work every day around the
// clock (so any grid time past the notice is bookable), clients, and intake answers.
import { randomUUID } from "node:crypto";
import { prisma } from "@/lib/db";
import { allNoIntake } from "@/lib/booking/intake";
import { CURRENT_CONSENT } from "@/lib/clinical/consent";
import { addDays, clinicToday, wallTimeToUtc } from "@/lib/time/clinic-time";
import { createService, createTherapist, createUser } from "./factories";
import { getClinic } from "@/lib/clinic/get-clinic";

export const CLEAR_INTAKE = allNoIntake();

export async function createBookableService(options: { therapists?: number; durationMinutes?: number } = {}) {
  const service = await createService({ durationMinutes: options.durationMinutes ?? 60, bufferMinutes: 15 });
  const therapists = [];
  for (let index = 0; index < (options.therapists ?? 1); index++) {
    const therapist = await createTherapist();
    await prisma.workingHours.createMany({
      data: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({
        therapistId: therapist.id,
        weekday,
        startMinute: 0,
        endMinute: 1440,
      })),
    });
    await prisma.therapistService.create({ data: { therapistId: therapist.id, serviceId: service.id } });
    therapists.push(therapist);
  }
  return { service, therapists };
}

/** A client who has signed the current consent, as a returning client has (`consent: false`: not yet). */
export async function createClient(options: { consent?: boolean } = {}) {
  const user = await createUser();
  if (options.consent !== false) await signCurrentConsent(user.id);
  return { id: user.id, email: user.email };
}

export async function signCurrentConsent(userId: string) {
  await prisma.consentSignature.create({
    data: { userId, version: CURRENT_CONSENT.version, signedName: "Test Person" },
  });
}

/** A clinic wall time `daysAhead` days from today, as an instant: always past the notice. */
export function clinicTimeAhead(daysAhead: number, hour: number, minute = 0): Date {
  const timeZone = getClinic().timeZone;
  const [year, month, day] = addDays(clinicToday(timeZone), daysAhead).split("-").map(Number) as [
    number,
    number,
    number,
  ];
  return wallTimeToUtc({ year, month, day, hour, minute }, timeZone);
}

export const uniqueLabel = () => randomUUID().slice(0, 8);
