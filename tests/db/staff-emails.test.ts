// The "Sent email" view and the client's messages: staff see every message with its status and the
// reason a failed one failed, never the body of one holding a private link; a client sees only
// their own; staff retry a dead letter once (a second retry is refused), with an audit entry.
import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { InvalidTransition, NotFound } from "@/lib/errors/domain-errors";
import { deliverOutbox } from "@/lib/notifications/deliver-outbox";
import { outboxOnlyTransport } from "@/lib/notifications/email-transport";
import {
  isPrivateLinkTemplate,
  listClientMessages,
  listOutboxMessages,
} from "@/lib/notifications/list-outbox-messages";
import { retryFailedEmailByStaff } from "@/lib/notifications/retry-failed-email-by-staff";
import { ENGINE } from "../support/db-setup";
import { createUser } from "../support/factories";
import { caught } from "../support/staff-scenario";

afterAll(async () => {
  await prisma.$disconnect();
});

async function message(data: {
  userId?: string;
  template: string;
  status?: "PENDING" | "SENT" | "FAILED";
  text?: string;
}) {
  return prisma.emailOutbox.create({
    data: {
      toAddress: "someone@example.test",
      subject: `About ${data.template}`,
      text: data.text ?? `Body of ${data.template}`,
      template: data.template,
      userId: data.userId,
      status: data.status ?? "SENT",
      attempts: data.status === "FAILED" ? 8 : 1,
      lastError: data.status === "FAILED" ? "EENVELOPE: 550: 5.1.1 No such mailbox here" : null,
      // Written long ago, so a delivery run in another test never picks these up first.
      sendAfter: new Date(Date.now() + 3_600_000),
    },
  });
}

describe(`sent email for staff (${ENGINE})`, () => {
  it("treats account and invitation links as private", () => {
    expect(isPrivateLinkTemplate("account-password-reset")).toBe(true);
    expect(isPrivateLinkTemplate("account-email-verification")).toBe(true);
    expect(isPrivateLinkTemplate("account-email-change-confirm")).toBe(true);
    expect(isPrivateLinkTemplate("staff-invite")).toBe(true);
    expect(isPrivateLinkTemplate("booking-confirmed")).toBe(false);
  });

  it("lists messages by status with the failure reason, and hides the body of private-link messages", async () => {
    const failed = await message({ template: "booking-confirmed", status: "FAILED" });
    const reset = await message({
      template: "account-password-reset",
      text: "Reset: https://clinic/reset?token=secret",
    });

    const { messages: onlyFailed, counts } = await listOutboxMessages({ status: "FAILED" });
    expect(onlyFailed.every((row) => row.status === "FAILED")).toBe(true);
    expect(onlyFailed.find((row) => row.id === failed.id)).toMatchObject({
      lastError: "EENVELOPE: 550: 5.1.1 No such mailbox here",
      attempts: 8,
      text: "Body of booking-confirmed",
    });
    expect(counts.FAILED).toBeGreaterThanOrEqual(1);

    const { messages: all } = await listOutboxMessages();
    const listedReset = all.find((row) => row.id === reset.id);
    expect(listedReset).toMatchObject({ subject: "About account-password-reset", text: null });
    expect(JSON.stringify(all)).not.toContain("token=secret");
  });

  it("retries a failed message once, with an audit entry, and it is delivered again", async () => {
    const admin = await createUser({ role: "ADMIN" });
    const failed = await message({ template: "booking-reminder", status: "FAILED" });

    await retryFailedEmailByStaff({ messageId: failed.id, actorId: admin.id });
    const again = await caught(retryFailedEmailByStaff({ messageId: failed.id, actorId: admin.id }));
    expect(again).toBeInstanceOf(InvalidTransition);
    expect(await caught(retryFailedEmailByStaff({ messageId: "no-such-message", actorId: admin.id }))).toBeInstanceOf(
      NotFound,
    );

    const row = await prisma.emailOutbox.findUniqueOrThrow({ where: { id: failed.id } });
    expect(row).toMatchObject({ status: "PENDING", attempts: 0 });
    const audits = await prisma.auditLog.findMany({ where: { entityId: failed.id, action: "email.retried" } });
    expect(audits).toHaveLength(1);
    expect(audits[0]?.actorId).toBe(admin.id);

    await deliverOutbox({ transport: outboxOnlyTransport });
    expect((await prisma.emailOutbox.findUniqueOrThrow({ where: { id: failed.id } })).status).toBe("SENT");
  });
});

describe(`a client's messages (${ENGINE})`, () => {
  it("lists only the client's own messages, with their text, and private links without it", async () => {
    const client = await createUser();
    const other = await createUser();
    const own = await message({ userId: client.id, template: "booking-confirmed" });
    const verification = await message({ userId: client.id, template: "account-email-verification" });
    await message({ userId: other.id, template: "booking-confirmed" });

    const listed = await listClientMessages(client.id);
    expect(listed.map((row) => row.id).sort()).toEqual([own.id, verification.id].sort());
    expect(listed.find((row) => row.id === own.id)?.text).toBe("Body of booking-confirmed");
    expect(listed.find((row) => row.id === verification.id)?.text).toBeNull();
  });
});
