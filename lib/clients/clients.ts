// Clients as staff find them: an admin any client, a therapist only those they have seen or will see
// (someone else's client is the same 404 as no client at all).
import { prisma } from "@/lib/db";
import { withoutHiddenCharacters } from "@/lib/forms/text";
import { NotFound } from "@/lib/errors/domain-errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { BookingStatus } from "@/lib/generated/prisma/enums";
import { seesEveryone, type StaffViewer } from "@/lib/auth/staff-viewer";

export interface ClientSummary {
  id: string;
  name: string | null;
  email: string;
  phone: string | null;
}

// The visits that open a client to their therapist: ones that took place, and ones still to come.
// A cancelled or expired booking does not: a therapist could otherwise book any client into their
// own day, cancel at once, and read that client's every visit at the clinic. For the same reason a
// visit still to come that the therapist booked themselves (a phone booking, bookedById) opens the
// client only once it takes place: one the client or the front desk booked opens it at once.
const TOOK_PLACE_STATUSES = ["CHECKED_IN", "COMPLETED", "NO_SHOW"] as const;
const UPCOMING_STATUSES = ["PENDING_PAYMENT", "CONFIRMED"] as const;

export function clientScopeOf(viewer: StaffViewer): Prisma.UserWhereInput {
  if (seesEveryone(viewer)) return { role: "CLIENT" };
  return {
    role: "CLIENT",
    bookings: {
      some: {
        therapist: { userId: viewer.userId },
        OR: [
          { status: { in: [...TOOK_PLACE_STATUSES] } },
          {
            status: { in: [...UPCOMING_STATUSES] },
            OR: [{ bookedById: null }, { bookedById: { not: viewer.userId } }],
          },
        ],
      },
    },
  };
}

export const CLIENT_SEARCH_LIMIT = 50;

/** Clients whose name, email or phone contains the text (phone compared by its digits). */
export async function searchClients(viewer: StaffViewer, text: string): Promise<ClientSummary[]> {
  // A NUL would make PostgreSQL refuse the query (a 500): hidden characters are searched without.
  const query = withoutHiddenCharacters(text).trim().slice(0, 100);
  const digits = query.replace(/\D/g, "");
  const matches: Prisma.UserWhereInput[] = query
    ? [
        { name: { contains: query, mode: "insensitive" } },
        { email: { contains: query, mode: "insensitive" } },
        { phone: { contains: query } },
        ...(digits.length >= 3 ? [{ phone: { contains: digits } }] : []),
      ]
    : [];
  return prisma.user.findMany({
    where: { ...clientScopeOf(viewer), ...(matches.length ? { OR: matches } : {}) },
    orderBy: [{ name: "asc" }, { email: "asc" }],
    take: CLIENT_SEARCH_LIMIT,
    select: { id: true, name: true, email: true, phone: true },
  });
}

export interface StaffClient extends ClientSummary {
  // Whether the client confirmed their email address (an unconfirmed one may not reach them).
  emailVerified: boolean;
  bookings: {
    id: string;
    startsAt: Date;
    serviceName: string;
    therapistName: string;
    status: BookingStatus;
    openable: boolean;
  }[];
}

export async function getClientForStaff(viewer: StaffViewer, clientId: string): Promise<StaffClient> {
  const client = await prisma.user.findFirst({
    where: { id: clientId, ...clientScopeOf(viewer) },
    select: {
      id: true,
      name: true,
      email: true,
      phone: true,
      emailVerified: true,
      bookings: {
        where: { status: { not: "EXPIRED" } },
        orderBy: { startsAt: "desc" },
        take: 100,
        select: {
          id: true,
          startsAt: true,
          serviceName: true,
          status: true,
          therapist: { select: { id: true, displayName: true } },
        },
      },
    },
  });
  if (!client) throw new NotFound("We couldn't find that client.");
  return {
    ...client,
    emailVerified: client.emailVerified !== null,
    bookings: client.bookings.map((booking) => ({
      id: booking.id,
      startsAt: booking.startsAt,
      serviceName: booking.serviceName,
      therapistName: booking.therapist.displayName,
      status: booking.status,
      openable: seesEveryone(viewer) || booking.therapist.id === viewer.therapistId,
    })),
  };
}
