// Whether this process is shutting down: set by the production server (server.mjs) on SIGTERM, on
// globalThis under a registered symbol so the health route sees it from any bundle. A load balancer
// that sees /api/health answer "draining" stops sending new requests while in-flight ones finish.
export const DRAINING_KEY = Symbol.for("second-heart.draining");

export function isDraining(): boolean {
  return (globalThis as { [DRAINING_KEY]?: boolean })[DRAINING_KEY] === true;
}
