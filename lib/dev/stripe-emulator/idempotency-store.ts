// Stripe's idempotency rules for POST requests: the same key with the same parameters replays the
// first result; the same key with other parameters, or on another endpoint, is an error. Only
// successful results are kept (Stripe keeps none for requests refused by validation), for 24 hours.
import { EmulatorError } from "./emulator-error";

const KEY_LIFETIME_MS = 24 * 60 * 60 * 1000;
const MAX_KEY_LENGTH = 255;

interface StoredResult {
  endpoint: string;
  params: string;
  status: number;
  body: string;
  storedAt: number;
}

export class IdempotencyStore {
  private readonly results = new Map<string, StoredResult>();

  constructor(private readonly now: () => number) {}

  /** The earlier result for this key, if the request repeats it exactly; throws if it conflicts. */
  findReplay(key: string, endpoint: string, params: string): { status: number; body: string } | undefined {
    if (key.length > MAX_KEY_LENGTH) {
      throw new EmulatorError(
        400,
        "idempotency_error",
        `Idempotency keys can be at most ${MAX_KEY_LENGTH} characters.`,
      );
    }
    const stored = this.results.get(key);
    if (!stored || this.now() - stored.storedAt > KEY_LIFETIME_MS) return undefined;
    if (stored.endpoint !== endpoint) {
      throw new EmulatorError(
        400,
        "idempotency_error",
        `Keys for idempotent requests can only be used for the same endpoint they were first used for ('${stored.endpoint}' vs '${endpoint}'). Try using a key other than '${key}' if you meant to execute a different request.`,
      );
    }
    if (stored.params !== params) {
      throw new EmulatorError(
        400,
        "idempotency_error",
        `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
      );
    }
    return { status: stored.status, body: stored.body };
  }

  save(key: string, endpoint: string, params: string, status: number, body: string): void {
    this.results.set(key, { endpoint, params, status, body, storedAt: this.now() });
  }

  pruneExpired(): void {
    for (const [key, stored] of this.results) {
      if (this.now() - stored.storedAt > KEY_LIFETIME_MS) this.results.delete(key);
    }
  }
}
