// Builders for staff tests: two therapists with a booking each for one client, an admin, and the
// viewers and actors the staff-facing domain functions take.
import { prisma } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { loadStaffViewer } from "@/lib/auth/staff-viewer";
import { CLEAR_INTAKE } from "./booking-scenario";
import { bookingData, createService, createTherapist, createUser } from "./factories";

export async function createStaffScenario(options: { startsAt?: Date } = {}) {
  const service = await createService({ durationMinutes: 60, bufferMinutes: 15 });
  const [mine, theirs] = [await createTherapist(), await createTherapist()];
  const admin = await createUser({ role: "ADMIN" });
  const client = await createUser();
  const otherClient = await createUser();
  const startsAt = options.startsAt ?? new Date(Date.now() - 10 * 60_000);
  const booking = await prisma.booking.create({
    data: {
      ...bookingData({ clientId: client.id, therapistId: mine.id, service, startsAt }),
      intake: { ...CLEAR_INTAKE, answers: { ...CLEAR_INTAKE.answers, varicoseVeins: true, veinHardPainful: false } },
    },
  });
  const othersBooking = await prisma.booking.create({
    data: bookingData({ clientId: otherClient.id, therapistId: theirs.id, service, startsAt }),
  });
  const actor = (userId: string, role: Actor["role"]): Actor => ({ id: userId, role });
  return {
    service,
    mine,
    theirs,
    admin,
    client,
    otherClient,
    booking,
    othersBooking,
    actors: {
      therapist: actor(mine.userId, "THERAPIST"),
      otherTherapist: actor(theirs.userId, "THERAPIST"),
      admin: actor(admin.id, "ADMIN"),
    },
    viewers: {
      therapist: () => loadStaffViewer({ id: mine.userId, role: "THERAPIST" }),
      otherTherapist: () => loadStaffViewer({ id: theirs.userId, role: "THERAPIST" }),
      admin: () => loadStaffViewer({ id: admin.id, role: "ADMIN" }),
    },
  };
}

/** What a rejected promise threw (or fails the test when it resolved). */
export async function caught(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("expected a rejection");
    },
    (error: unknown) => error,
  );
}
