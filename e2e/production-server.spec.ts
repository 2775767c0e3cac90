// The production server (npm start, server.mjs) on its own, in extra processes beside the suite's:
// with PostgreSQL unreachable a page answers 503 with the calm page and an API route 503 JSON, both
// with Retry-After, and the log gets a handful of lines, not a stack per request; SIGTERM drains
// (/api/health 503 "draining", exit 0); and with TRUST_PROXY_HOPS=0 a forged X-Forwarded-For does not
// change the client's sign-in throttle key.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
// No browser here (HTTP only), so not ./fixtures, whose automatic fixture opens a page.
import { expect, test } from "@playwright/test";

const BASE_PORT = Number(process.env.E2E_PORT ?? 3210);
const AUTH_SECRET = "production-server-spec-secret-0123456789abcdef";

interface Server {
  origin: string;
  output: () => string;
  exited: Promise<number | null>;
  process: ChildProcess;
}

async function startServer(port: number, env: Record<string, string>): Promise<Server> {
  const child = spawn(process.execPath, ["server.mjs", "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", SMTP_URL: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline && child.exitCode === null) {
    const answered = await fetch(`${origin}/api/health`)
      .then(() => true)
      .catch(() => false);
    if (answered) return { origin, output: () => output, exited, process: child };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill("SIGKILL");
  throw new Error(`server.mjs did not start on ${origin}:\n${output}`);
}

async function stop(server: Server): Promise<void> {
  if (server.process.exitCode === null) server.process.kill("SIGKILL");
  await server.exited;
}

test.describe("the production server", () => {
  test.describe.configure({ timeout: 150_000 });

  test("answers 503 with Retry-After while PostgreSQL is unreachable, logs a few lines, and drains on SIGTERM", async () => {
    const server = await startServer(BASE_PORT + 1, {
      DATABASE_URL: "postgresql://clinic@127.0.0.1:1/clinic", // nothing listens on port 1
      AUTH_SECRET,
      APP_URL: "https://clinic.example",
      TRUST_PROXY_HOPS: "1",
      STRIPE_SECRET_KEY: "sk_test_production_server_spec",
      STRIPE_WEBHOOK_SECRET: "whsec_production_server_spec",
    });
    try {
      const page = await fetch(`${server.origin}/services/second-heart-massage-60`);
      expect(page.status).toBe(503);
      expect(page.headers.get("retry-after")).toBe("5");
      expect(page.headers.get("content-type")).toMatch(/text\/html/);
      const html = await page.text();
      expect(html).toContain("We&#x27;re having trouble right now");
      expect(html).toContain("try again in a minute");
      expect(html).toContain("(718) 555-0142");
      // The calm page is prerendered, so it carries no nonce: its policy names its scripts' hashes.
      const scriptSrc = page.headers.get("content-security-policy")?.match(/script-src ([^;]*)/)?.[1] ?? "";
      expect(scriptSrc).toMatch(/'sha256-/);
      expect(scriptSrc).not.toMatch(/'nonce-|'unsafe-inline'|'strict-dynamic'/);

      const api = await fetch(
        `${server.origin}/api/availability?service=second-heart-massage-60&from=2030-01-07&to=2030-01-08`,
      );
      expect(api.status).toBe(503);
      expect(api.headers.get("retry-after")).toBe("5");
      const body = (await api.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe("unavailable");
      expect(body.error.message).toMatch(/try again in a minute/);

      // Three seconds of requests, a few at a time (bounded): a handful of log lines, no stacks.
      let requests = 0;
      const until = Date.now() + 3_000;
      while (Date.now() < until) {
        await Promise.all([
          fetch(`${server.origin}/api/availability?service=second-heart-massage-60&from=2030-01-07&to=2030-01-08`),
          fetch(`${server.origin}/services/second-heart-massage-60`),
          fetch(`${server.origin}/api/health`),
        ]);
        requests += 3;
      }
      const lines = server.output().trim().split("\n");
      expect(requests).toBeGreaterThan(20);
      expect(lines.filter((line) => line.includes("[unavailable]")).length).toBeLessThanOrEqual(4);
      expect(server.output()).not.toMatch(/^\s+at /m);

      // SIGTERM: the health check says "draining" at once, then the process exits 0.
      server.process.kill("SIGTERM");
      const started = Date.now();
      let draining: Response | undefined;
      for (let tries = 0; tries < 40 && !draining; tries++) {
        const health = await fetch(`${server.origin}/api/health`).catch(() => undefined);
        if (health && (await health.clone().text()).includes("draining")) draining = health;
        else await new Promise((resolve) => setTimeout(resolve, 25));
      }
      expect(draining?.status).toBe(503);
      expect(draining?.headers.get("cache-control")).toBe("no-store");
      expect(await draining?.json()).toEqual({ status: "draining" });
      expect(await server.exited).toBe(0);
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(server.output()).toMatch(/\[server\] SIGTERM: draining/);
      expect(server.output()).toMatch(/\[server\] drained in \d+ ms; exiting\./);
    } finally {
      await stop(server);
    }
  });

  test("with TRUST_PROXY_HOPS=0 the socket's address is the client: a forged X-Forwarded-For does not reset the sign-in throttle", async () => {
    const dataRoot = mkdtempSync(path.join(tmpdir(), "clinic-e2e-hops0-"));
    const port = BASE_PORT + 2;
    const server = await startServer(port, {
      DATABASE_URL: "",
      DEMO_MODE: "true",
      PGLITE_DATA_DIR: path.join(dataRoot, "pglite"),
      APP_URL: `http://127.0.0.1:${port}`,
      TRUST_PROXY_HOPS: "0",
      STRIPE_SECRET_KEY: "",
      STRIPE_EMULATOR_PORT: String(port + 10_000),
    });
    try {
      // Auth.js's credentials callback, as a script would call it: a CSRF token and its cookie first.
      const csrf = await fetch(`${server.origin}/api/auth/csrf`);
      const { csrfToken } = (await csrf.json()) as { csrfToken: string };
      const cookie = csrf.headers
        .getSetCookie()
        .map((entry) => entry.split(";")[0])
        .join("; ");
      const attempt = async (forgedIp: string) => {
        const response = await fetch(`${server.origin}/api/auth/callback/credentials`, {
          method: "POST",
          redirect: "manual",
          headers: { "content-type": "application/x-www-form-urlencoded", cookie, "x-forwarded-for": forgedIp },
          body: new URLSearchParams({ email: "client@clinic.test", password: "not-the-password", csrfToken }),
        });
        return new URL(response.headers.get("location") ?? "", server.origin).searchParams.get("code");
      };
      // Five wrong passwords per account and address are allowed; each from a "new" forged address.
      const codes: (string | null)[] = [];
      for (let index = 1; index <= 6; index++) codes.push(await attempt(`203.0.113.${index}`));
      expect(codes.slice(0, 5)).toEqual(Array(5).fill("invalid_credentials"));
      expect(codes[5]).toBe("throttled");
    } finally {
      await stop(server);
      rmSync(dataRoot, { recursive: true, force: true });
    }
  });
});
