// Delivers events to the app's webhook endpoint the way Stripe does: a POST of the pretty-printed
// event, signed with the SDK's own helper (fresh timestamp on every attempt, so a late retry is not
// stale), at least once, retried with exponential back-off on a non-2xx answer or a network error.
// Runs in the background: nothing the emulator answers waits for a delivery.
import http from "node:http";
import https from "node:https";
import Stripe from "stripe";
import type { EmulatedEvent } from "./emulated-objects";

export interface WebhookRetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** Wait before the second attempt; doubled each time up to maxDelayMs. */
  initialDelayMs: number;
  maxDelayMs: number;
  /** An attempt that has not answered by then counts as failed. */
  timeoutMs: number;
}

/** Eight attempts over about a minute and a half: 1 s, 2 s, 4 s, … capped at 32 s between them. */
export const DEFAULT_WEBHOOK_RETRY: WebhookRetryPolicy = {
  maxAttempts: 8,
  initialDelayMs: 1_000,
  maxDelayMs: 32_000,
  timeoutMs: 10_000,
};

export interface WebhookDelivery {
  eventId: string;
  eventType: EmulatedEvent["type"];
  status: "pending" | "delivered" | "failed";
  attempts: number;
  /** The last attempt's outcome: "HTTP 200", "HTTP 500", "ECONNREFUSED", "timeout", … */
  lastOutcome: string | null;
}

export interface EmulatorLogger {
  info(message: string): void;
  warn(message: string): void;
}

function postPayload(
  url: URL,
  payload: string,
  signature: string,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<number> {
  const transport = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const request = transport.request(
      url,
      {
        method: "POST",
        signal,
        timeout: timeoutMs,
        headers: {
          "Content-Type": "application/json; charset=utf-8",
          "Content-Length": Buffer.byteLength(payload),
          "User-Agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
          "Stripe-Signature": signature,
        },
      },
      (response) => {
        response.resume(); // the answer's body means nothing to Stripe, only its status
        response.on("end", () => resolve(response.statusCode ?? 0));
        response.on("error", reject);
      },
    );
    request.on("timeout", () => request.destroy(Object.assign(new Error("timeout"), { code: "timeout" })));
    request.on("error", reject);
    request.end(payload);
  });
}

function describeFailure(error: unknown): string {
  if (error instanceof Error && "code" in error && typeof error.code === "string") return error.code;
  return error instanceof Error ? error.message : String(error);
}

export class WebhookDispatcher {
  private readonly records = new Map<string, WebhookDelivery>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly closing = new AbortController();
  private idleWaiters: Array<() => void> = [];

  constructor(
    private readonly options: {
      url: URL;
      secret: string;
      retry: WebhookRetryPolicy;
      logger: EmulatorLogger;
      onDelivered: (eventId: string) => void;
    },
  ) {}

  enqueue(event: EmulatedEvent): void {
    const record: WebhookDelivery = {
      eventId: event.id,
      eventType: event.type,
      status: "pending",
      attempts: 0,
      lastOutcome: null,
    };
    this.records.set(event.id, record);
    // The JSON is fixed once, as Stripe's is: every retry carries the same bytes.
    const payload = JSON.stringify(event, null, 2);
    this.schedule(() => this.attempt(record, payload), 0);
  }

  private schedule(run: () => Promise<void>, delayMs: number): void {
    if (this.closing.signal.aborted) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void run();
    }, delayMs);
    timer.unref();
    this.timers.add(timer);
  }

  private async attempt(record: WebhookDelivery, payload: string): Promise<void> {
    const { url, secret, retry, logger } = this.options;
    record.attempts += 1;
    try {
      const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret });
      const status = await postPayload(url, payload, signature, retry.timeoutMs, this.closing.signal);
      record.lastOutcome = `HTTP ${status}`;
      if (status >= 200 && status < 300) {
        record.status = "delivered";
        this.options.onDelivered(record.eventId);
        this.settle();
        return;
      }
    } catch (error) {
      if (this.closing.signal.aborted) return;
      record.lastOutcome = describeFailure(error);
    }
    if (record.attempts >= retry.maxAttempts) {
      record.status = "failed";
      logger.warn(
        `[stripe-emulator] gave up delivering ${record.eventType} ${record.eventId} to ${url.href} after ${record.attempts} attempts (last: ${record.lastOutcome})`,
      );
      this.settle();
      return;
    }
    const delayMs = Math.min(retry.initialDelayMs * 2 ** (record.attempts - 1), retry.maxDelayMs);
    logger.warn(
      `[stripe-emulator] ${record.eventType} ${record.eventId} → ${url.href}: ${record.lastOutcome}; retrying in ${delayMs} ms (attempt ${record.attempts + 1} of ${retry.maxAttempts})`,
    );
    this.schedule(() => this.attempt(record, payload), delayMs);
  }

  private settle(): void {
    if (this.pendingCount() > 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  pendingCount(): number {
    let pending = 0;
    for (const record of this.records.values()) if (record.status === "pending") pending += 1;
    return pending;
  }

  deliveries(): WebhookDelivery[] {
    return [...this.records.values()].map((record) => ({ ...record }));
  }

  /** Resolves once every event so far is delivered or given up on; rejects after timeoutMs. */
  waitForIdle(timeoutMs: number): Promise<void> {
    if (this.pendingCount() === 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.idleWaiters = this.idleWaiters.filter((waiter) => waiter !== done);
        const pending = this.deliveries().filter((record) => record.status === "pending");
        reject(
          new Error(
            `Webhooks still pending after ${timeoutMs} ms: ${pending
              .map(
                (record) =>
                  `${record.eventType} ${record.eventId} (${record.attempts} attempts, last ${record.lastOutcome ?? "none"})`,
              )
              .join("; ")}`,
          ),
        );
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      this.idleWaiters.push(done);
    });
  }

  /** Stops retrying and aborts attempts in flight; pending deliveries stay pending. */
  close(): void {
    this.closing.abort();
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}
