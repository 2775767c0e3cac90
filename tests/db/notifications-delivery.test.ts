// Outbox delivery against a real SMTP server started here: a message arrives as written, an outage
// loses and duplicates nothing, two workers never send one message twice, an address the server
// refuses ends FAILED with the reason, and one event enqueued twice is one message.
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { SMTPServer, type SMTPServerAddress } from "smtp-server";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { deliverOutbox, retryDelayMs } from "@/lib/notifications/deliver-outbox";
import { createSmtpTransport, outboxOnlyTransport, type EmailTransport } from "@/lib/notifications/email-transport";
import { enqueueEmail } from "@/lib/notifications/enqueue-email";
import { retryFailedEmailByStaff } from "@/lib/notifications/retry-failed-email-by-staff";
import { ENGINE } from "../support/db-setup";
import { createUser } from "../support/factories";

interface ReceivedMessage {
  to: string[];
  subject: string;
  body: string;
}

interface TestSmtpServer {
  port: number;
  received: ReceivedMessage[];
  stop(): Promise<void>;
  start(): Promise<void>;
}

// Addresses starting "nobody-" are refused at RCPT TO, as a server refuses a mailbox that does not exist.
async function startSmtpServer(port = 0): Promise<TestSmtpServer> {
  const received: ReceivedMessage[] = [];
  let server: SMTPServer | undefined;
  let boundPort = port;
  const start = async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onRcptTo(address: SMTPServerAddress, _session, callback) {
        if (address.address.startsWith("nobody-")) {
          return callback(Object.assign(new Error("5.1.1 No such mailbox here"), { responseCode: 550 }));
        }
        callback();
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("end", () => {
          const raw = Buffer.concat(chunks).toString("utf8");
          const split = raw.indexOf("\r\n\r\n");
          const headers = raw.slice(0, split);
          received.push({
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            subject: /^Subject: (.*)$/m.exec(headers)?.[1]?.trim() ?? "",
            body: raw.slice(split + 4),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server?.listen(boundPort, "127.0.0.1", resolve));
    boundPort = (server.server.address() as AddressInfo).port;
  };
  await start();
  return {
    get port() {
      return boundPort;
    },
    received,
    start,
    stop: () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())),
  };
}

const servers: TestSmtpServer[] = [];
const transports: EmailTransport[] = [];
afterEach(async () => {
  for (const transport of transports.splice(0)) transport.close();
  for (const server of servers.splice(0)) await server.stop();
});
afterAll(async () => {
  await prisma.$disconnect();
});

async function smtpSetup() {
  const server = await startSmtpServer();
  servers.push(server);
  const transport = () => {
    const created = createSmtpTransport(`smtp://127.0.0.1:${server.port}`, "Clinic Test <clinic@example.test>");
    transports.push(created);
    return created;
  };
  return { server, transport };
}

async function enqueueMessages(count: number, options: { to?: (index: number) => string } = {}) {
  const tag = randomUUID().slice(0, 8);
  const ids: string[] = [];
  for (let index = 0; index < count; index++) {
    const row = await prisma.emailOutbox.create({
      data: {
        toAddress: options.to?.(index) ?? `client-${tag}-${index}@example.test`,
        subject: `Your visit ${tag} #${index}`,
        text: `Hello ${index}.\nYour calf massage is booked.`,
        template: "test",
      },
    });
    ids.push(row.id);
  }
  return { tag, ids };
}

// The back-off is minutes long: a test lets that time pass by making the retries due now.
async function letRetriesFallDue(ids: string[]) {
  await prisma.emailOutbox.updateMany({
    where: { id: { in: ids }, status: "PENDING" },
    data: { sendAfter: new Date(Date.now() - 1_000) },
  });
}

const rowsOf = (ids: string[]) =>
  prisma.emailOutbox.findMany({ where: { id: { in: ids } }, orderBy: { subject: "asc" } });

describe(`outbox delivery over SMTP (${ENGINE})`, () => {
  it("delivers a message with its subject and text, and marks it SENT once", async () => {
    const { server, transport } = await smtpSetup();
    const { tag, ids } = await enqueueMessages(1);
    await deliverOutbox({ transport: transport(), maxBatches: 100 });

    const mine = server.received.filter((message) => message.subject.includes(tag));
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ to: [`client-${tag}-0@example.test`], subject: `Your visit ${tag} #0` });
    expect(mine[0]?.body).toContain("Your calf massage is booked.");
    const [row] = await rowsOf(ids);
    expect(row).toMatchObject({ status: "SENT", attempts: 1, lastError: null });
    expect(row?.sentAt).toBeInstanceOf(Date);

    await deliverOutbox({ transport: transport(), maxBatches: 100 });
    expect(server.received.filter((message) => message.subject.includes(tag))).toHaveLength(1);
  });

  it("loses nothing and duplicates nothing while the SMTP server is down for a while", async () => {
    const { server, transport } = await smtpSetup();
    await server.stop();
    const { tag, ids } = await enqueueMessages(4);

    for (let round = 1; round <= 2; round++) {
      const started = Date.now();
      await deliverOutbox({ transport: transport(), maxBatches: 100 });
      const rows = await rowsOf(ids);
      expect(rows.map((row) => [row.status, row.attempts])).toEqual(rows.map(() => ["PENDING", round]));
      expect(rows[0]?.lastError).toMatch(/ECONNREFUSED/);
      // Retried after the back-off, not at once.
      expect(rows[0]?.sendAfter.getTime()).toBeGreaterThanOrEqual(started + retryDelayMs(round) - 1_000);
      await letRetriesFallDue(ids);
    }

    await server.start();
    await deliverOutbox({ transport: transport(), maxBatches: 100 });
    await deliverOutbox({ transport: transport(), maxBatches: 100 });
    const subjects = server.received.filter((message) => message.subject.includes(tag)).map((m) => m.subject);
    expect(subjects.sort()).toEqual([0, 1, 2, 3].map((index) => `Your visit ${tag} #${index}`));
    expect((await rowsOf(ids)).map((row) => [row.status, row.attempts, row.lastError])).toEqual(
      ids.map(() => ["SENT", 3, null]),
    );
  });

  it("never sends one message twice when two workers deliver at once", async () => {
    const { server, transport } = await smtpSetup();
    const { tag, ids } = await enqueueMessages(24);
    const reports = await Promise.all([
      deliverOutbox({ transport: transport(), batchSize: 3, maxBatches: 100 }),
      deliverOutbox({ transport: transport(), batchSize: 3, maxBatches: 100 }),
    ]);

    const subjects = server.received.filter((message) => message.subject.includes(tag)).map((m) => m.subject);
    expect(subjects).toHaveLength(24);
    expect(new Set(subjects).size).toBe(24);
    expect(reports.every((report) => report.retrying === 0 && report.failed === 0)).toBe(true);
    expect((await rowsOf(ids)).every((row) => row.status === "SENT" && row.attempts === 1)).toBe(true);
  });

  it("leaves an address the server refuses FAILED after the last attempt, with the reason, until staff retry", async () => {
    const { server, transport } = await smtpSetup();
    const { ids } = await enqueueMessages(1, { to: () => `nobody-${randomUUID().slice(0, 8)}@example.test` });
    for (let attempt = 1; attempt <= 3; attempt++) {
      await deliverOutbox({ transport: transport(), maxAttempts: 3, maxBatches: 100 });
      await letRetriesFallDue(ids);
    }
    const [row] = await rowsOf(ids);
    expect(row).toMatchObject({ status: "FAILED", attempts: 3, sentAt: null });
    expect(row?.lastError).toMatch(/550.*No such mailbox here/);
    expect(row?.lastError).not.toMatch(/smtp:\/\//);
    // More deliveries leave a dead letter alone.
    await deliverOutbox({ transport: transport(), maxAttempts: 3, maxBatches: 100 });
    expect((await rowsOf(ids))[0]?.attempts).toBe(3);
    expect(server.received.filter((message) => message.to.includes(row?.toAddress ?? ""))).toHaveLength(0);

    const admin = await createUser({ role: "ADMIN" });
    await retryFailedEmailByStaff({ messageId: row?.id ?? "", actorId: admin.id });
    expect((await rowsOf(ids))[0]).toMatchObject({ status: "PENDING", attempts: 0 });
  });

  it("keeps the password of SMTP_URL out of the recorded reason", async () => {
    const { describeSendError } = await import("@/lib/notifications/email-transport");
    const reason = describeSendError(
      Object.assign(new Error("Invalid login for smtp://mailer:s3cr%40t@mail.example:587 (s3cr@t)"), { code: "EAUTH" }),
      "smtp://mailer:s3cr%40t@mail.example:587",
    );
    expect(reason).toBe("EAUTH: Invalid login for *** (***)");
  });
});

describe(`outbox without SMTP (${ENGINE})`, () => {
  it("marks messages SENT with no network, and they stay readable in the outbox", async () => {
    const { ids } = await enqueueMessages(2);
    await deliverOutbox({ transport: outboxOnlyTransport, maxBatches: 100 });
    const rows = await rowsOf(ids);
    expect(rows.map((row) => row.status)).toEqual(["SENT", "SENT"]);
    expect(rows[0]?.text).toContain("Your calf massage is booked.");
  });
});

describe(`outbox idempotency (${ENGINE})`, () => {
  it("writes one message when the same event is enqueued twice, even in two transactions", async () => {
    const dedupeKey = `booking-confirmed:${randomUUID()}`;
    const email = { toAddress: "once@example.test", subject: "Once", text: "Once.", template: "test", dedupeKey };
    const first = await prisma.$transaction((tx) => enqueueEmail(tx, email));
    // The second enqueue neither adds a row nor aborts the transaction it runs in.
    const second = await prisma.$transaction(async (tx) => {
      const written = await enqueueEmail(tx, email);
      const count = await tx.emailOutbox.count({ where: { dedupeKey } });
      return { written, count };
    });
    expect([first, second]).toEqual([true, { written: false, count: 1 }]);
    expect(await prisma.emailOutbox.count({ where: { dedupeKey } })).toBe(1);
  });
});
