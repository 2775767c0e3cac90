// The per-request store of the production server (server.mjs): an AsyncLocalStorage it runs each
// request in, published on globalThis under a registered symbol so code in any Next.js bundle can
// reach it without importing the server. Outside that server (next dev, tests) there is none, and
// marking a request does nothing.
import type { AsyncLocalStorage } from "node:async_hooks";

export const REQUEST_STORE_KEY = Symbol.for("second-heart.request-store");

export interface RequestStore {
  /** The address of the request's socket (what TRUST_PROXY_HOPS=0 takes as the client). */
  socketAddress?: string;
  /** Set when a dependency failed this request: server.mjs turns its 500 into 503 + Retry-After. */
  unavailable?: string;
}

export function currentRequestStore(): RequestStore | undefined {
  const storage = (globalThis as { [REQUEST_STORE_KEY]?: AsyncLocalStorage<RequestStore> })[REQUEST_STORE_KEY];
  return storage?.getStore();
}
