// Staff transitions (check in, complete, no-show): each one guarded update and its audit entry in
// one transaction; the wrong state is an InvalidTransition with nothing written; two staff at once
// leave exactly one change.
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { checkInBooking } from "@/lib/booking/check-in-booking";
import { completeBooking } from "@/lib/booking/complete-booking";
import { markNoShow } from "@/lib/booking/mark-no-show";
import { InvalidTransition, NotFound, Unprocessable } from "@/lib/errors/domain-errors";
import { ENGINE } from "../support/db-setup";
import { caught, createStaffScenario } from "../support/staff-scenario";

const auditOf = (bookingId: string) =>
  prisma.auditLog.findMany({ where: { entityType: "Booking", entityId: bookingId }, orderBy: { createdAt: "asc" } });

describe(`staff transitions (${ENGINE})`, () => {
  it("checks a client in and completes the visit, each with an audit entry naming who", async () => {
    const { booking, actors } = await createStaffScenario();
    const checkedIn = await checkInBooking({ bookingId: booking.id, actor: actors.therapist });
    expect(checkedIn.status).toBe("CHECKED_IN");
    const completed = await completeBooking({ bookingId: booking.id, actor: actors.admin });
    expect(completed.status).toBe("COMPLETED");

    const row = await prisma.booking.findUniqueOrThrow({ where: { id: booking.id } });
    expect(row.checkedInAt).not.toBeNull();
    expect(row.completedAt).not.toBeNull();
    const audit = await auditOf(booking.id);
    expect(audit.map((entry) => [entry.action, entry.actorId])).toEqual([
      ["booking.checked_in", actors.therapist.id],
      ["booking.completed", actors.admin.id],
    ]);
  });

  it("refuses a transition from the wrong state with InvalidTransition and changes nothing", async () => {
    const { booking, actors } = await createStaffScenario();
    const before = await prisma.booking.findUniqueOrThrow({ where: { id: booking.id } });

    const completing = await caught(completeBooking({ bookingId: booking.id, actor: actors.admin }));
    expect(completing).toBeInstanceOf(InvalidTransition);

    await checkInBooking({ bookingId: booking.id, actor: actors.admin });
    const noShow = await caught(markNoShow({ bookingId: booking.id, actor: actors.admin }));
    expect(noShow).toBeInstanceOf(InvalidTransition);
    const again = await caught(checkInBooking({ bookingId: booking.id, actor: actors.admin }));
    expect(again).toBeInstanceOf(InvalidTransition);

    const after = await prisma.booking.findUniqueOrThrow({ where: { id: booking.id } });
    expect(after.status).toBe("CHECKED_IN");
    expect(after.checkedInAt).not.toBeNull();
    expect(before.status).toBe("CONFIRMED");
    expect((await auditOf(booking.id)).map((entry) => entry.action)).toEqual(["booking.checked_in"]);
  });

  it("lets exactly one of two staff checking the same client in at once succeed", async () => {
    const { booking, actors } = await createStaffScenario();
    const results = await Promise.allSettled([
      checkInBooking({ bookingId: booking.id, actor: actors.therapist }),
      checkInBooking({ bookingId: booking.id, actor: actors.admin }),
    ]);
    const won = results.filter((result) => result.status === "fulfilled");
    const lost = results.filter((result) => result.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect((lost[0] as PromiseRejectedResult).reason).toBeInstanceOf(InvalidTransition);
    expect((await auditOf(booking.id)).filter((entry) => entry.action === "booking.checked_in")).toHaveLength(1);
  });

  it("hides another therapist's appointment from a therapist: NotFound, nothing written", async () => {
    const { othersBooking, actors } = await createStaffScenario();
    const error = await caught(checkInBooking({ bookingId: othersBooking.id, actor: actors.therapist }));
    expect(error).toBeInstanceOf(NotFound);
    const row = await prisma.booking.findUniqueOrThrow({ where: { id: othersBooking.id } });
    expect(row.status).toBe("CONFIRMED");
    expect(await auditOf(othersBooking.id)).toEqual([]);
  });

  it("marks a no-show only once the appointment has started", async () => {
    const future = new Date(Date.now() + 3 * 60 * 60_000);
    const { booking, actors } = await createStaffScenario({ startsAt: future });
    const early = await caught(markNoShow({ bookingId: booking.id, actor: actors.therapist }));
    expect(early).toBeInstanceOf(Unprocessable);
    expect((early as Error).message).toMatch(/started/);

    const later = new Date(future.getTime() + 20 * 60_000);
    const noShow = await markNoShow({ bookingId: booking.id, actor: actors.therapist, now: later });
    expect(noShow.status).toBe("NO_SHOW");
  });
});
