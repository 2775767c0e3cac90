// Bad input to every Server Action (issue #16 point 9). Generated from the action files: every
// exported action of app/**/actions.ts gets every bad input class of tests/support/hostile-inputs.ts
// in each form field it reads (the names it passes to formData.get or to its field helper), with
// the other fields holding real values (the signed-in admin's own booking, therapist, service), and
// then in all its fields at once. An action answers with its form state, a redirect or a not-found,
// never an error the page would show as a 500; nothing is logged as unhandled; and a value that no
// form field accepts (a control character, a NUL, a huge text) is refused and writes no row. A new
// action, or a new field, is covered without being added here.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { ENGINE } from "../support/db-setup";
import { countRows, createHostileScenario } from "../support/hostile-scenario";
import { sessionCookieFor } from "../support/session-cookie";
import { HOSTILE_VALUES, NEVER_VALID_TEXT, type HostileValue } from "../support/hostile-inputs";

let requestHeaders = new Headers();

vi.mock("next/headers", () => ({
  headers: async () => requestHeaders,
  cookies: async () => ({
    get: () => undefined,
    getAll: () => [],
    set: () => undefined,
    has: () => false,
    delete: () => undefined,
  }),
}));

// Outside a Next.js request there is no cache to revalidate or read through.
// Work a form hands to Next's `after` (sign-up's account creation or owner notice) runs once the
// answer is sent, outside what is tested here: the answer itself.
vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/server")>()),
  after: () => undefined,
}));

vi.mock("next/cache", () => ({
  revalidatePath: () => undefined,
  revalidateTag: () => undefined,
  unstable_cache: <F>(read: F) => read,
}));

// Auth.js itself does not load outside Next's bundler: its error class stands in for the package.
vi.mock("next-auth", () => ({ CredentialsSignin: class CredentialsSignin extends Error {} }));

// Auth.js itself does not load outside Next's bundler. Sign-in answers as for a wrong password: no
// hostile value may get as far as a real sign-in.
vi.mock("@/lib/auth/auth", async () => {
  const { CredentialsSignin } = await import("next-auth");
  class SignInThrottled extends Error {
    retryAfterSeconds = 60;
  }
  return {
    signIn: async () => {
      throw new CredentialsSignin();
    },
    signOut: async () => undefined,
    auth: async () => null,
    handlers: {},
    InvalidCredentials: class extends CredentialsSignin {},
    SecondFactorRequired: class extends Error {},
    SecondFactorInvalid: class extends Error {},
    SignInThrottled,
  };
});

const APP_DIR = path.join(process.cwd(), "app");

type Action = (previous: unknown, formData: FormData) => Promise<unknown>;

const FIELD = /formData\.(?:get|getAll)\("([\w-]+)"\)|\w+\(formData, "([\w-]+)"\)/g;

/** The file's top-level functions and constants, each with its source. */
function chunksOf(source: string): Map<string, string> {
  const starts = [...source.matchAll(/^(?:export )?(?:async )?function (\w+)|^const (\w+) =/gm)].map((match) => ({
    name: (match[1] ?? match[2])!,
    at: match.index,
  }));
  return new Map(starts.map(({ name, at }, index) => [name, source.slice(at, starts[index + 1]?.at ?? source.length)]));
}

/** The form fields an action reads: in its own body and in the file's helpers it calls (runTransition). */
function fieldsOfAction(chunks: Map<string, string>, name: string): string[] {
  const seen = new Set<string>();
  const visit = (chunkName: string) => {
    if (seen.has(chunkName)) return;
    seen.add(chunkName);
    const body = chunks.get(chunkName) ?? "";
    for (const other of chunks.keys()) if (other !== chunkName && body.includes(`${other}(`)) visit(other);
  };
  visit(name);
  const fields = [...seen].flatMap((chunkName) =>
    [...(chunks.get(chunkName) ?? "").matchAll(FIELD)].map((match) => (match[1] ?? match[2])!),
  );
  return [...new Set(fields)].sort();
}

function actionFiles(): string[] {
  return readdirSync(APP_DIR, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name === "actions.ts")
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/** What the browser would get: a form state, a redirect or a 404 are answers; anything thrown else is a 500. */
async function outcomeOf(
  action: Action,
  formData: FormData,
): Promise<{ kind: "state" | "redirect" | "not-found"; state?: unknown } | { kind: "error"; error: unknown }> {
  try {
    return { kind: "state", state: await action({ ok: true }, formData) };
  } catch (error) {
    const digest = (error as { digest?: unknown }).digest;
    if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT")) return { kind: "redirect" };
    if (typeof digest === "string" && digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;404")) return { kind: "not-found" };
    return { kind: "error", error };
  }
}

function formWith(
  fields: string[],
  values: Record<string, string>,
  hostileField: string | null,
  value: HostileValue,
): FormData {
  const form = new FormData();
  for (const field of fields) {
    const given = hostileField === null || field === hostileField ? value.text : (values[field] ?? "");
    for (const one of Array.isArray(given) ? given : [given]) form.append(field, one);
  }
  return form;
}

const files = actionFiles();
let realValues: Record<string, string> = {};
let bookingId = "";
let consoleErrors: ReturnType<typeof vi.spyOn>;

beforeAll(async () => {
  const { therapist, service, admin, booking } = await createHostileScenario();
  bookingId = booking.id;
  realValues = {
    bookingId: booking.id,
    therapistId: therapist.id,
    serviceId: service.id,
    service: service.slug,
    clientId: admin.id,
    email: admin.email,
    name: "Robin Test",
    baseVersion: "0",
  };
  const cookie = await sessionCookieFor(admin);
  requestHeaders = new Headers({ cookie, origin: getEnv().APP_URL });
});

beforeEach(() => {
  consoleErrors = vi.spyOn(console, "error");
});

afterEach(() => {
  expect(consoleErrors, "nothing is logged as an unhandled error").not.toHaveBeenCalled();
  consoleErrors.mockRestore();
});

describe(`bad input to every Server Action (${ENGINE})`, () => {
  it("finds the actions and the fields they read", () => {
    const all = files.flatMap((file) => {
      const chunks = chunksOf(readFileSync(file, "utf8"));
      return [...chunks.keys()].flatMap((name) => fieldsOfAction(chunks, name));
    });
    expect(all).toEqual(expect.arrayContaining(["bookingId", "reason", "start", "email", "token", "subjective"]));
  });

  describe.each(files.map((file) => [path.relative(APP_DIR, file), file] as const))("%s", (_name, file) => {
    it("answers every bad input in every field with its form state, a redirect or a 404", async () => {
      const chunks = chunksOf(readFileSync(file, "utf8"));
      const actionModule = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
      const failures: string[] = [];
      for (const [name, action] of Object.entries(actionModule)) {
        if (typeof action !== "function") continue;
        const fields = fieldsOfAction(chunks, name);
        // An action that reads no field (sign out, resend a link) takes no input to be hostile with.
        if (fields.length === 0) continue;
        const tries: { label: string; form: FormData; neverValid: boolean }[] = [];
        for (const value of HOSTILE_VALUES) {
          const neverValid = NEVER_VALID_TEXT.includes(value);
          tries.push({
            label: `${value.name} in every field`,
            form: formWith(fields, realValues, null, value),
            neverValid,
          });
          if (!neverValid) continue;
          for (const field of fields) {
            tries.push({
              label: `${value.name} in ${field}`,
              form: formWith(fields, realValues, field, value),
              neverValid,
            });
          }
        }
        for (const { label, form, neverValid } of tries) {
          const before = await countRows();
          const outcome = await outcomeOf(action as Action, form);
          if (outcome.kind === "error") {
            const error = outcome.error as Error;
            failures.push(`${name} with ${label}: ${error?.name}: ${String(error?.message).slice(0, 160)}`);
            continue;
          }
          if (neverValid && outcome.kind === "state" && (outcome.state as { ok?: boolean } | undefined)?.ok === true) {
            failures.push(`${name} with ${label}: accepted`);
          }
          const after = await countRows();
          if (neverValid && JSON.stringify(after) !== JSON.stringify(before)) {
            failures.push(`${name} with ${label}: wrote rows ${JSON.stringify(before)} → ${JSON.stringify(after)}`);
          }
        }
      }
      expect(failures).toEqual([]);
      const booking = await prisma.booking.findUniqueOrThrow({ where: { id: bookingId } });
      expect(booking.status).toBe("CONFIRMED");
    });
  });
});
