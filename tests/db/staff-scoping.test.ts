// What each staff role may see: an admin everything, a therapist their own appointments, schedule
// and clients; anything else is the same NotFound as no record. Opening an appointment (its intake
// answers are health data) writes an audit entry naming who looked.
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { NotFound } from "@/lib/errors/domain-errors";
import { INTAKE_VIEWED_ACTION, openStaffAppointment } from "@/lib/schedule/appointment";
import { getClientForStaff, searchClients } from "@/lib/clients/clients";
import { listStaffDayBookings } from "@/lib/schedule/day-bookings";
import { loadSchedule } from "@/lib/schedule/load-schedule";
import { clinicToday } from "@/lib/time/clinic-time";
import { ENGINE } from "../support/db-setup";
import { caught, createStaffScenario } from "../support/staff-scenario";

const TZ = "America/New_York";
const intakeViews = (bookingId: string) =>
  prisma.auditLog.findMany({ where: { entityId: bookingId, action: INTAKE_VIEWED_ACTION } });

describe(`staff scoping (${ENGINE})`, () => {
  it("opens a therapist's own appointment, with the intake, cautions and an audit entry of the view", async () => {
    const s = await createStaffScenario();
    const appointment = await openStaffAppointment(await s.viewers.therapist(), s.booking.id);
    expect(appointment.client.email).toBe(s.client.email);
    expect(appointment.screening).toMatchObject({
      outcome: "caution",
      stops: false,
      cautions: [expect.objectContaining({ questionId: "varicoseVeins" })],
    });
    const views = await intakeViews(s.booking.id);
    expect(views.map((view) => view.actorId)).toEqual([s.mine.userId]);
    expect(views[0]?.data).toEqual({ clientId: s.client.id });
  });

  it("gives a therapist NotFound for another therapist's appointment, and records no view", async () => {
    const s = await createStaffScenario();
    const error = await caught(openStaffAppointment(await s.viewers.therapist(), s.othersBooking.id));
    expect(error).toBeInstanceOf(NotFound);
    expect(await intakeViews(s.othersBooking.id)).toEqual([]);

    const asAdmin = await openStaffAppointment(await s.viewers.admin(), s.othersBooking.id);
    expect(asAdmin.booking.id).toBe(s.othersBooking.id);
  });

  it("lets a therapist find and open only the clients they have seen or will see", async () => {
    const s = await createStaffScenario();
    const therapist = await s.viewers.therapist();
    expect((await searchClients(therapist, s.client.email)).map((c) => c.id)).toEqual([s.client.id]);
    expect(await searchClients(therapist, s.otherClient.email)).toEqual([]);
    expect(await caught(getClientForStaff(therapist, s.otherClient.id))).toBeInstanceOf(NotFound);
    expect((await getClientForStaff(therapist, s.client.id)).bookings).toHaveLength(1);

    const admin = await s.viewers.admin();
    expect((await searchClients(admin, s.otherClient.email)).map((c) => c.id)).toEqual([s.otherClient.id]);
  });

  it("gives a therapist only their own day and schedule, whatever therapist they ask for", async () => {
    const s = await createStaffScenario();
    const day = clinicToday(TZ, s.booking.startsAt);
    const therapist = await s.viewers.therapist();
    const asked = { day, therapist: s.theirs.id, timeZone: TZ };
    expect((await listStaffDayBookings(therapist, asked)).map((b) => b.id)).toEqual([s.booking.id]);
    const schedule = await loadSchedule(therapist, { from: day, to: day, therapist: s.theirs.id, timeZone: TZ });
    expect(schedule.therapists.map((t) => t.id)).toEqual([s.mine.id]);
    expect(schedule.bookings.map((b) => b.id)).toEqual([s.booking.id]);

    const admin = await s.viewers.admin();
    expect((await listStaffDayBookings(admin, asked)).map((b) => b.id)).toEqual([s.othersBooking.id]);
  });
});
