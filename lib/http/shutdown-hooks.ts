// What must stop cleanly when the production server (server.mjs) shuts down, after its last request:
// the in-app job runner (order 1: finishes its tick, hands its leases back), then the database
// (order 2). The list lives on globalThis under a registered symbol, shared by every bundle; without
// that server (next dev, a script, tests) there is no list and nothing is registered.
const SHUTDOWN_HOOKS_KEY = Symbol.for("second-heart.shutdown-hooks");

export interface ShutdownHook {
  name: string;
  order: number;
  run: () => Promise<void>;
}

/** Registers a step for the server's shutdown; false when no production server runs this process. */
export function onServerShutdown(hook: ShutdownHook): boolean {
  const hooks = (globalThis as { [SHUTDOWN_HOOKS_KEY]?: ShutdownHook[] })[SHUTDOWN_HOOKS_KEY];
  if (!hooks) return false;
  hooks.push(hook);
  return true;
}
