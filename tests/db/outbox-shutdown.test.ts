// Outbox delivery and the job runner when a worker is asked to stop or dies: the message under way
// finishes, the claimed ones not started go back (due, the attempt not counted), a claim is leased
// for a minute and renewed while a send is under way, a message re-sent after a crash keeps its
// Message-ID, and a stop that runs out of time still hands the job leases back.
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { startJobRunner } from "@/lib/jobs/run-jobs";
import { deliverOutbox, OUTBOX_LEASE_MS } from "@/lib/notifications/deliver-outbox";
import { createSmtpTransport, type EmailTransport, type OutboxMessage } from "@/lib/notifications/email-transport";
import { startSmtpSink, type SmtpSink } from "../support/smtp-sink";
import { ENGINE } from "../support/db-setup";

const sinks: SmtpSink[] = [];
const transports: EmailTransport[] = [];
afterEach(async () => {
  for (const transport of transports.splice(0)) transport.close();
  for (const sink of sinks.splice(0)) await sink.stop();
});
const created: string[] = [];
afterAll(async () => {
  await prisma.emailOutbox.deleteMany({ where: { id: { in: created } } });
  await prisma.$disconnect();
});

// Due since long ago, so they are the first claimed, before any other test's leftovers.
async function enqueueMessages(count: number) {
  const tag = randomUUID().slice(0, 8);
  const ids: string[] = [];
  for (let index = 0; index < count; index++) {
    const row = await prisma.emailOutbox.create({
      data: {
        toAddress: `client-${tag}-${index}@example.test`,
        subject: `Shutdown ${tag} #${index}`,
        text: "Your calf massage is booked.",
        template: "test",
        sendAfter: new Date(Date.UTC(2000, 0, 1, 0, 0, index)),
      },
    });
    ids.push(row.id);
    created.push(row.id);
  }
  return ids;
}

const rowsOf = (ids: string[]) =>
  prisma.emailOutbox.findMany({ where: { id: { in: ids } }, orderBy: { subject: "asc" } });

async function waitFor(check: () => Promise<boolean> | boolean, what: string): Promise<void> {
  for (let tries = 0; tries < 250; tries++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`gave up waiting: ${what}`);
}

describe(`outbox delivery when a worker stops (${ENGINE})`, () => {
  // A slow batch: by the time this worker reaches its second message, the lease has run out and
  // another worker has claimed it (and will send it). Sending it here too was a duplicate email.
  it("skips a claimed message that another worker took over after its lease ran out", async () => {
    const ids = await enqueueMessages(2);
    const sent: string[] = [];
    const transport: EmailTransport = {
      kind: "smtp",
      async send(message: OutboxMessage) {
        sent.push(message.id);
        if (sent.length === 1) {
          // Meanwhile another worker claims the other message afresh (its attempt count moves on).
          // Either may come first: PostgreSQL returns a claimed batch in no particular order.
          const other = ids.find((id) => id !== message.id) as string;
          await prisma.emailOutbox.update({ where: { id: other }, data: { attempts: { increment: 1 } } });
        }
      },
      close() {},
    };
    const report = await deliverOutbox({ transport, batchSize: 2, maxBatches: 1 });
    expect(sent).toHaveLength(1);
    expect(ids).toContain(sent[0]);
    expect(report).toMatchObject({ sent: 1, released: 1 });
    const other = await prisma.emailOutbox.findUniqueOrThrow({ where: { id: ids.find((id) => id !== sent[0]) } });
    expect(other.status).toBe("PENDING");
  });

  it("finishes the message under way, hands back the claimed ones it did not start, attempt not counted", async () => {
    const ids = await enqueueMessages(5);
    const stop = new AbortController();
    const sent: string[] = [];
    const transport: EmailTransport = {
      kind: "smtp",
      async send(message: OutboxMessage) {
        stop.abort(); // SIGTERM arrives while the first message is being sent
        await new Promise((resolve) => setTimeout(resolve, 30));
        sent.push(message.id);
      },
      close() {},
    };
    const report = await deliverOutbox({ transport, signal: stop.signal, batchSize: 5 });
    expect(report).toEqual({ sent: 1, retrying: 0, failed: 0, released: 4 });
    expect(sent).toHaveLength(1);

    const rows = await rowsOf(ids);
    const sentRow = rows.find((row) => row.id === sent[0]);
    expect(sentRow).toMatchObject({ status: "SENT", attempts: 1 });
    const handedBack = rows.filter((row) => row.id !== sent[0]);
    expect(handedBack).toHaveLength(4);
    for (const row of handedBack) {
      expect(row).toMatchObject({ status: "PENDING", attempts: 0 });
      expect(row.sendAfter.getTime()).toBeLessThanOrEqual(Date.now());
    }
    // Asked to stop before it starts, it claims nothing at all.
    const none = await deliverOutbox({ transport, signal: stop.signal });
    expect(none).toEqual({ sent: 0, retrying: 0, failed: 0, released: 0 });
    expect((await rowsOf(ids)).filter((row) => row.status === "PENDING" && row.attempts === 0)).toHaveLength(4);
  });

  it("leases a claim for a minute and renews the lease while the send is under way", async () => {
    const [id] = await enqueueMessages(1);
    let leases: number[] = [];
    const transport: EmailTransport = {
      kind: "smtp",
      async send() {
        const leaseOf = async () => (await prisma.emailOutbox.findUniqueOrThrow({ where: { id } })).sendAfter.getTime();
        leases = [await leaseOf()];
        // A slow server: the send lasts until the lease has been pushed forward.
        await waitFor(async () => (await leaseOf()) > (leases[0] ?? 0), "the lease to be renewed");
        leases.push(await leaseOf());
      },
      close() {},
    };
    const claimedAt = Date.now();
    await deliverOutbox({ transport, batchSize: 1, maxBatches: 1, leaseRenewMs: 50 });
    expect(OUTBOX_LEASE_MS).toBe(60_000);
    expect(leases[0]).toBeGreaterThan(claimedAt + 50_000);
    expect(leases[0]).toBeLessThan(claimedAt + 70_000);
    expect(leases[1]).toBeGreaterThan(leases[0] ?? 0);
    expect(await prisma.emailOutbox.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "SENT" });
  });

  it("re-sends a message after a crash with the same Message-ID", async () => {
    const sink = await startSmtpSink();
    sinks.push(sink);
    const smtp = createSmtpTransport(sink.url, "Clinic Test <clinic@example.test>");
    transports.push(smtp);
    const [id] = await enqueueMessages(1);
    // The first worker hands the message to the server, then dies before it can mark the row SENT.
    const dying: EmailTransport = {
      kind: "smtp",
      async send(message) {
        await smtp.send(message);
        await new Promise(() => undefined); // never returns: the process is gone
      },
      close() {},
    };
    void deliverOutbox({ transport: dying, batchSize: 1, maxBatches: 1 });
    await waitFor(() => sink.received.length === 1, "the first send");
    expect(await prisma.emailOutbox.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "PENDING",
      attempts: 1,
    });
    // Its lease runs out (a minute later), and another worker sends the message again.
    // (Dated long ago, so it is claimed before any other due row in a shared database.)
    await prisma.emailOutbox.update({ where: { id }, data: { sendAfter: new Date(Date.UTC(2000, 0, 1)) } });
    await deliverOutbox({ transport: smtp, batchSize: 1, maxBatches: 1 });

    expect(await prisma.emailOutbox.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "SENT",
      attempts: 2,
    });
    expect(sink.received).toHaveLength(2);
    const [first, second] = sink.received.map((mail) => mail.headers["message-id"]);
    expect(first).toBe(`<outbox-${id}@example.test>`);
    expect(second).toBe(first);
  });
});

describe(`the job runner when asked to stop (${ENGINE})`, () => {
  const leaseOf = (name: string) => prisma.jobLease.findUnique({ where: { name } });

  it("stops a job that winds down on the signal, and hands its lease back", async () => {
    const name = `test-stop-${randomUUID().slice(0, 8)}`;
    let started = false;
    const runner = startJobRunner({
      holder: "test-holder",
      jobs: [
        {
          name,
          intervalMs: 60_000,
          leaseMs: 60_000,
          run: (signal) =>
            new Promise<void>((resolve) => {
              started = true;
              signal.addEventListener("abort", () => resolve());
            }),
        },
      ],
    });
    await waitFor(() => started, "the job to start");
    expect((await leaseOf(name))?.lockedBy).toBe("test-holder");
    expect(await runner.stop()).toBe(true);
    expect((await leaseOf(name))?.lockedBy).toBeNull();
  });

  it("hands the lease back even when the job outlives the stop's bound", async () => {
    const name = `test-stuck-${randomUUID().slice(0, 8)}`;
    let started = false;
    const runner = startJobRunner({
      holder: "test-holder",
      jobs: [
        {
          name,
          intervalMs: 60_000,
          leaseMs: 60_000,
          run: () => {
            started = true;
            return new Promise<void>(() => undefined); // ignores the signal
          },
        },
      ],
    });
    await waitFor(() => started, "the job to start");
    expect(await runner.stop({ timeoutMs: 100 })).toBe(false);
    const lease = await leaseOf(name);
    expect(lease?.lockedBy).toBeNull();
    expect(lease?.lastError).toBe("stopped before it finished");
  });
});
