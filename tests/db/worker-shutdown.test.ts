// npm run worker as a process: it starts its jobs, and on SIGTERM stops claiming, finishes the
// message it is sending, hands the claimed ones it did not start back (due, attempt not counted),
// hands its job leases back and exits 0 within 10 s, as a deployment's rolling restart expects.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { startSmtpSink } from "../support/smtp-sink";
import { ENGINE } from "../support/db-setup";

function startWorker(env: Record<string, string>) {
  // As package.json runs it: node itself gets the signal (the tsx CLI would relay it, and SIGKILL the
  // worker when it does not answer within 30 ms, as happens on a busy machine).
  const worker = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
    cwd: process.cwd(),
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  worker.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  worker.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => worker.on("exit", (code) => resolve(code)));
  return { worker, exited, output: () => output };
}

async function waitFor(check: () => Promise<boolean> | boolean, what: string, bound = 150_000): Promise<void> {
  const deadline = Date.now() + bound;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const created: string[] = [];
afterAll(async () => {
  await prisma.emailOutbox.deleteMany({ where: { id: { in: created } } });
  await prisma.$disconnect();
});

describe(`the worker process (${ENGINE})`, () => {
  it("stops cleanly on SIGTERM", async () => {
    const { worker, exited, output } = startWorker({ SMTP_URL: "" });
    await waitFor(() => /jobs running/.test(output()) || worker.exitCode !== null, "the worker to start");
    worker.kill("SIGTERM");

    expect(await exited).toBe(0);
    expect(output()).toMatch(/SIGTERM, finishing the message under way and handing back the rest/);
    expect(output()).toMatch(/stopped in \d+ ms/);
    expect(output()).not.toMatch(/Error|failed/);
  }, 200_000);

  // The worker and this test share the database only on PostgreSQL.
  it.runIf(ENGINE === "postgresql")(
    "exits within 10 s with 200 messages queued, each sent once or handed back",
    async () => {
      // A mail server that takes 100 ms a message: 200 messages would take 20 s.
      const sink = await startSmtpSink({ delayMs: 100 });
      const tag = randomUUID().slice(0, 8);
      const { count } = await prisma.emailOutbox.createMany({
        data: Array.from({ length: 200 }, (_, index) => ({
          id: `shutdown-${tag}-${String(index).padStart(3, "0")}`,
          toAddress: `client-${tag}-${index}@example.test`,
          subject: `Burst ${tag} #${index}`,
          text: "Your calf massage is booked.",
          template: "test",
          sendAfter: new Date(Date.UTC(2000, 0, 1)),
        })),
      });
      expect(count).toBe(200);
      const mine = { id: { startsWith: `shutdown-${tag}-` } };
      created.push(...Array.from({ length: 200 }, (_, index) => `shutdown-${tag}-${String(index).padStart(3, "0")}`));
      try {
        const { worker, exited, output } = startWorker({ SMTP_URL: sink.url });
        await waitFor(
          async () => (await prisma.emailOutbox.count({ where: { ...mine, status: "SENT" } })) >= 5,
          "the worker to send a few",
        );
        const signalledAt = Date.now();
        worker.kill("SIGTERM");
        expect(await exited).toBe(0);
        const exitMs = Date.now() - signalledAt;
        expect(exitMs).toBeLessThan(10_000);

        const rows = await prisma.emailOutbox.findMany({ where: mine });
        const sent = rows.filter((row) => row.status === "SENT");
        const pending = rows.filter((row) => row.status === "PENDING");
        expect(sent.length + pending.length).toBe(200);
        expect(pending.length).toBeGreaterThan(0);
        // Handed back: due at once, and the attempt the claim counted is taken back.
        for (const row of pending) {
          expect(row.attempts).toBe(0);
          expect(row.sendAfter.getTime()).toBeLessThanOrEqual(Date.now());
        }
        // Every message marked SENT reached the server exactly once; none that is PENDING did.
        const received = sink.received.filter((mail) => mail.subject.includes(tag)).map((mail) => mail.subject);
        expect(received.length).toBe(sent.length);
        expect(new Set(received).size).toBe(received.length);
        expect(output()).toMatch(/stopped in \d+ ms/);
        console.log(
          `[worker-shutdown] exit ${exitMs} ms after SIGTERM; ${sent.length} sent, ${pending.length} handed back`,
        );
      } finally {
        await sink.stop();
      }
    },
    200_000,
  );
});
