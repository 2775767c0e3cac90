// Clients as staff book for them over the phone: found by search (lib/clients/clients.ts), or created
// with a name, email and phone. A new client has no password: they set one later through "forgot
// password" with the same email. An email already in use is that client, never a second account.
import { z } from "zod";
import { personName } from "@/lib/forms/text";
import { recordAudit } from "@/lib/audit/record-audit";
import { emailSchema } from "@/lib/auth/schemas";
import { prisma } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { runTransaction } from "@/lib/db/transaction";
import { NotFound, Unprocessable } from "@/lib/errors/domain-errors";
import { clientScopeOf, type ClientSummary } from "./clients";
import { seesEveryone, type StaffViewer } from "@/lib/auth/staff-viewer";

export const phoneClientSchema = z.object({
  name: personName({ required: "Enter the client's name." }),
  email: emailSchema,
  phone: z
    .string({ error: "Enter the client's phone number." })
    .trim()
    .regex(/^\+?[\d\s().-]{7,25}$/, "Enter a phone number such as (555) 010-0199.")
    .refine((value) => value.replace(/\D/g, "").length >= 7, "Enter a phone number such as (555) 010-0199."),
});
export type PhoneClientInput = z.infer<typeof phoneClientSchema>;

export interface PhoneClient {
  client: ClientSummary;
  /** The email belonged to a client already: that client is used, nothing was created. */
  existing: boolean;
}

const clientSelect = { id: true, name: true, email: true, phone: true, role: true, deletedAt: true } as const;

export async function findOrCreatePhoneClient(actorId: string, input: PhoneClientInput): Promise<PhoneClient> {
  const existing = await findByEmail(input.email);
  if (existing) return existing;
  try {
    const client = await runTransaction(prisma, async (tx) => {
      const created = await tx.user.create({
        data: { email: input.email, name: input.name, phone: input.phone, role: "CLIENT" },
        select: { id: true, name: true, email: true, phone: true },
      });
      await recordAudit(tx, {
        actorId,
        action: "client.created_by_staff",
        entityType: "User",
        entityId: created.id,
        data: { via: "phone_booking" },
      });
      return created;
    });
    return { client, existing: false };
  } catch (error) {
    // Two staff created the same client at once: the one that committed is the client.
    if (!isUniqueViolation(error)) throw error;
    const winner = await findByEmail(input.email);
    if (!winner) throw error;
    return winner;
  }
}

async function findByEmail(email: string): Promise<PhoneClient | null> {
  const user = await prisma.user.findUnique({ where: { email }, select: clientSelect });
  if (!user) return null;
  if (user.role !== "CLIENT" || user.deletedAt) {
    throw new Unprocessable("That email belongs to an account that can't be booked for. Use another email.", {
      email: ["That email belongs to an account that can't be booked for. Use another email."],
    });
  }
  return { client: { id: user.id, name: user.name, email: user.email, phone: user.phone }, existing: true };
}

/**
 * The client a phone booking is for, by id. Any staff member may book any client (a therapist into
 * their own schedule only, which createBooking enforces), so this is not limited to clients seen
 * before; but a therapist sees the name and phone of a client only once the client has a visit with
 * them (clients.ts clientScopeOf): before, the email they typed is all they are shown back.
 */
export async function getBookableClient(viewer: StaffViewer, clientId: string): Promise<ClientSummary> {
  const user = await prisma.user.findFirst({
    where: { id: clientId, role: "CLIENT", deletedAt: null },
    select: { id: true, name: true, email: true, phone: true },
  });
  if (!user) throw new NotFound("We couldn't find that client.");
  if (seesEveryone(viewer)) return user;
  const known = await prisma.user.count({ where: { AND: [{ id: clientId }, clientScopeOf(viewer)] } });
  return known > 0 ? user : { id: user.id, email: user.email, name: null, phone: null };
}
