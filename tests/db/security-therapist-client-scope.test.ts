// A therapist's view of clients (issue #16 point 5): a therapist could look a client up by email in
// the phone booking form and see their name and phone, book a desk visit into their own day and
// cancel it at once, and then open the client's page with every visit at the clinic. Now only
// visits that took place or are still to come open a client, and the phone booking shows a
// therapist a client's name and phone only once such a visit exists.
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { NotFound } from "@/lib/errors/domain-errors";
import { getClientForStaff, searchClients } from "@/lib/clients/clients";
import { getBookableClient } from "@/lib/clients/phone-client";
import { ENGINE } from "../support/db-setup";
import { bookingData } from "../support/factories";
import { caught, createStaffScenario } from "../support/staff-scenario";

describe(`a therapist's clients (${ENGINE})`, () => {
  it("opens no client through a cancelled visit, and shows a stranger's contact details only to an admin", async () => {
    const s = await createStaffScenario();
    const therapist = await s.viewers.therapist();
    const admin = await s.viewers.admin();
    // Another therapist's client: the phone booking shows this therapist only the email typed.
    expect(await getBookableClient(therapist, s.otherClient.id)).toEqual({
      id: s.otherClient.id,
      email: s.otherClient.email,
      name: null,
      phone: null,
    });
    expect((await getBookableClient(admin, s.otherClient.id)).name).toBe(s.otherClient.name);

    // Booked into the therapist's own day and cancelled at once: still not their client.
    await prisma.booking.create({
      data: {
        ...bookingData({
          clientId: s.otherClient.id,
          therapistId: s.mine.id,
          service: s.service,
          startsAt: new Date(Date.now() + 3 * 86_400_000),
        }),
        status: "CANCELLED",
        cancelledAt: new Date(),
      },
    });
    expect(await caught(getClientForStaff(therapist, s.otherClient.id))).toBeInstanceOf(NotFound);
    expect(await searchClients(therapist, s.otherClient.email)).toEqual([]);
    expect((await getBookableClient(therapist, s.otherClient.id)).phone).toBeNull();

    // A visit still to come with them makes the client theirs.
    await prisma.booking.create({
      data: bookingData({
        clientId: s.otherClient.id,
        therapistId: s.mine.id,
        service: s.service,
        startsAt: new Date(Date.now() + 4 * 86_400_000),
      }),
    });
    expect((await getClientForStaff(therapist, s.otherClient.id)).id).toBe(s.otherClient.id);
    expect((await getBookableClient(therapist, s.otherClient.id)).name).toBe(s.otherClient.name);
  });

  it("opens no client through a visit the therapist booked themselves until it takes place", async () => {
    const s = await createStaffScenario();
    const therapist = await s.viewers.therapist();
    // A phone booking the therapist made into their own day for a client they never saw.
    const booked = await prisma.booking.create({
      data: {
        ...bookingData({
          clientId: s.otherClient.id,
          therapistId: s.mine.id,
          service: s.service,
          startsAt: new Date(Date.now() + 3 * 86_400_000),
        }),
        status: "CONFIRMED",
        payAtDesk: true,
        bookedById: therapist.userId,
      },
    });
    expect(await caught(getClientForStaff(therapist, s.otherClient.id))).toBeInstanceOf(NotFound);
    expect(await searchClients(therapist, s.otherClient.email)).toEqual([]);
    expect((await getBookableClient(therapist, s.otherClient.id)).phone).toBeNull();

    // Once the client came in, they are the therapist's client.
    await prisma.booking.update({ where: { id: booked.id }, data: { status: "CHECKED_IN", checkedInAt: new Date() } });
    expect((await getClientForStaff(therapist, s.otherClient.id)).id).toBe(s.otherClient.id);
  });
});
