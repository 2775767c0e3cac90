// The health step's module (its questions and the zod checks of the answers), loaded when /book
// needs it. zod is told first not to probe for eval (it tries `new Function("")` to pick a faster
// parser): the site's script policy forbids eval, so in a browser the probe can only fail, and its
// failure is logged as a policy violation (Lighthouse best practices, issue #21).
export async function loadHealthStep() {
  const { z } = await import("zod");
  z.config({ jitless: true });
  return import("./health-step");
}
