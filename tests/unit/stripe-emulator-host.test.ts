// The emulator answers only requests addressed to this machine's own names (DNS rebinding guard).
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStripeEmulator, type StripeEmulator } from "@/lib/dev/stripe-emulator/start-stripe-emulator";

let emulator: StripeEmulator;
beforeAll(async () => {
  emulator = await startStripeEmulator({ port: 0, webhookUrl: null, webhookSecret: "whsec_host_test" });
});
afterAll(async () => {
  await emulator.close();
});

function get(path: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: "127.0.0.1", port: emulator.port, path, headers: { host } }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on("error", reject);
    request.end();
  });
}

describe("stripe emulator host check", () => {
  it("refuses a request addressed to another name, even one that resolves here", async () => {
    expect(await get("/health", `rebind.evil.example:${emulator.port}`)).toBe(403);
    expect(await get("/v1/checkout/sessions/cs_test_x", "evil.example")).toBe(403);
  });

  it("answers on 127.0.0.1 and localhost", async () => {
    expect(await get("/health", `127.0.0.1:${emulator.port}`)).toBe(200);
    expect(await get("/health", `localhost:${emulator.port}`)).toBe(200);
  });
});
