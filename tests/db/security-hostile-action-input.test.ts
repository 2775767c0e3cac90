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
import { CALF_MEASURES, CALF_SIDES, calfFieldName } from "@/lib/clinical/treatment-note-schema";
import { rangeField, WEEKDAYS } from "@/lib/hours/hours-ranges";
import { bookingData, createTherapist } from "../support/factories";
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

// Fields whose names are built at run time: a treatment note's calf scores (calfFieldName for each
// side and measure) and the working-hours grid (rangeField for each kind, weekday, row and part).
// The generated suite above cannot see them in the source, so their names come here from the code
// that renders and parses them. Each try is a form that would be saved but for one hostile value,
// one name the form never renders (prototype words among them), one field sent twice (an array)
// or one half of a range left out: it is refused with a message, writes nothing and never throws.

type Entries = [string, string | Blob][];

const NUMBER_TRICKS = [
  "NaN",
  "Infinity",
  "-Infinity",
  "-1",
  "11",
  "1e1",
  "1e309",
  "1e-400",
  "0x0A",
  "0b101",
  "+5",
  "-0",
  "5.0",
  "5.5",
  "9007199254740993",
  "\u0665",
];
const CLOCK_TRICKS = ["9:00", "24:00", "09:60", "-09:00", "09:00:00", "0x09:00", "NaN", "Infinity", "\u0660\u0669:00"];
const PROTOTYPE_WORDS = ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty"];

const withValue = (entries: Entries, name: string, value: string | Blob | string[]): Entries =>
  entries.flatMap(([key, given]): Entries => (key === name ? [value].flat().map((one) => [key, one]) : [[key, given]]));
const without = (entries: Entries, name: string): Entries => entries.filter(([key]) => key !== name);
const plus = (entries: Entries, name: string, value: string): Entries => [...entries, [name, value]];

function formOf(entries: Entries): FormData {
  const form = new FormData();
  for (const [name, value] of entries) form.append(name, value);
  return form;
}

interface Try {
  label: string;
  entries: Entries;
  /** The input the message must be shown on; null when the name is not one the form renders. */
  field: string | null;
}

function valueTries(entries: Entries, field: string, values: readonly (string | string[])[]): Try[] {
  return values.map((value) => ({
    label: `${JSON.stringify(value).slice(0, 40)} in ${field}`,
    entries: withValue(entries, field, value),
    field,
  }));
}

/** Sent twice, left out, or a file in place of text: each of the form's own computed names. */
function shapeTries(entries: Entries, fields: string[]): Try[] {
  return fields.flatMap((field) => {
    const value = entries.find(([key]) => key === field)?.[1] as string;
    return [
      { label: `${field} sent twice`, entries: plus(entries, field, value), field },
      { label: `${field} left out`, entries: without(entries, field), field },
      { label: `a file in ${field}`, entries: withValue(entries, field, new Blob([value])), field },
    ];
  });
}

async function runTries(
  action: Action,
  tries: Try[],
  snapshot: () => Promise<unknown>,
): Promise<{ failures: string[]; count: number }> {
  const failures: string[] = [];
  for (const { label, entries, field } of tries) {
    const before = JSON.stringify([await countRows(), await snapshot()]);
    const outcome = await outcomeOf(action, formOf(entries));
    if (outcome.kind === "error") {
      const error = outcome.error as Error;
      failures.push(`${label}: ${error?.name}: ${String(error?.message).slice(0, 160)}`);
      continue;
    }
    const state = outcome.state as
      { ok?: boolean; formError?: string; fieldErrors?: Record<string, string[] | undefined> } | undefined;
    if (outcome.kind !== "state" || state?.ok !== false) {
      failures.push(`${label}: accepted (${outcome.kind})`);
    } else if (field !== null && !state.fieldErrors?.[field]?.length) {
      failures.push(`${label}: no message on ${field} (${JSON.stringify(state).slice(0, 160)})`);
    } else if (field === null && !state.formError && Object.keys(state.fieldErrors ?? {}).length === 0) {
      failures.push(`${label}: refused without a message`);
    }
    const after = JSON.stringify([await countRows(), await snapshot()]);
    if (after !== before) failures.push(`${label}: wrote ${before} → ${after}`);
  }
  return { failures, count: tries.length };
}

const actionsOf = async (relative: string) =>
  (await import(/* @vite-ignore */ path.join(APP_DIR, relative))) as Record<string, Action>;

describe(`bad input in fields named at run time (${ENGINE})`, () => {
  afterEach(() => {
    // No hostile name may reach an object's prototype.
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(({} as Record<string, unknown>).tension).toBeUndefined();
  });

  it("refuses every hostile calf score, name, repetition and missing score of a treatment note", async () => {
    const { therapist, service, admin } = await createHostileScenario();
    const visit = await prisma.booking.create({
      data: bookingData({
        clientId: admin.id,
        therapistId: therapist.id,
        service,
        startsAt: new Date(Date.now() - 3 * 86_400_000),
        status: "COMPLETED",
      }),
    });
    requestHeaders = new Headers({ cookie: await sessionCookieFor(admin), origin: getEnv().APP_URL });
    const { saveTreatmentNoteAction } = await actionsOf("(staff)/staff/appointments/[id]/actions.ts");
    const calfNames = CALF_SIDES.flatMap((side) => CALF_MEASURES.map((measure) => calfFieldName(side, measure)));
    const scores = ["6", "3", "2", "4", "2", "1"];
    const note = (baseVersion: number): Entries => [
      ["bookingId", visit.id],
      ["baseVersion", String(baseVersion)],
      ["subjective", "Both calves feel tight after a long drive."],
      ["objective", ""],
      ["assessment", ""],
      ["plan", "Walk daily; come back in two weeks."],
      ...calfNames.map((name, index): [string, string] => [name, scores[index] as string]),
      ["reason", "Client called back."],
    ];

    const first = await outcomeOf(saveTreatmentNoteAction!, formOf(note(0)));
    expect(first).toMatchObject({ kind: "state", state: { ok: true, savedVersion: 1 } });

    const amendment = note(1);
    const unrendered = [
      ...PROTOTYPE_WORDS.flatMap((word) => [`calf.${word}.tension`, `calf.LEFT.${word}`, `calf.${word}`]),
      "calf.MIDDLE.tension",
      "calf.left.tension",
      "calf.LEFT.tension.extra",
      "calf.LEFT",
    ];
    const tries: Try[] = [
      ...calfNames.flatMap((name) =>
        valueTries(amendment, name, [...HOSTILE_VALUES.map((value) => value.text), ...NUMBER_TRICKS]),
      ),
      ...shapeTries(amendment, calfNames),
      ...unrendered.map((name) => ({ label: `the name ${name}`, entries: plus(amendment, name, "5"), field: null })),
      ...valueTries(
        amendment,
        "reason",
        NEVER_VALID_TEXT.map((value) => value.text),
      ),
    ];
    const snapshot = async () => ({
      note: await prisma.treatmentNote.findUnique({ where: { bookingId: visit.id } }),
      revisions: await prisma.treatmentNoteRevision.count(),
      calf: await prisma.calfRecord.findMany({ where: { bookingId: visit.id }, orderBy: { side: "asc" } }),
    });
    const { failures, count } = await runTries(saveTreatmentNoteAction!, tries, snapshot);
    expect(count).toBeGreaterThan(200);
    expect(failures).toEqual([]);

    // The same amendment, hostile part and all taken out, is saved: the refusals were the values'.
    const saved = await outcomeOf(saveTreatmentNoteAction!, formOf(amendment));
    expect(saved).toMatchObject({ kind: "state", state: { ok: true, savedVersion: 2 } });
  }, 180_000);

  it("refuses every hostile time, label, name, repetition and half range of the working-hours grid", async () => {
    const { admin } = await createHostileScenario();
    const therapist = await createTherapist();
    requestHeaders = new Headers({ cookie: await sessionCookieFor(admin), origin: getEnv().APP_URL });
    const { replaceWorkingHoursAction } = await actionsOf("(staff)/staff/hours/[id]/actions.ts");
    const monday = WEEKDAYS.indexOf("Monday");
    const wednesday = WEEKDAYS.indexOf("Wednesday");
    const grid: Entries = [
      [rangeField("hours", monday, 0, "start"), "09:00"],
      [rangeField("hours", monday, 0, "end"), "17:00"],
      [rangeField("hours", wednesday, 0, "start"), "10:00"],
      [rangeField("hours", wednesday, 0, "end"), "14:00"],
      [rangeField("breaks", monday, 0, "start"), "12:00"],
      [rangeField("breaks", monday, 0, "end"), "12:30"],
      [rangeField("breaks", monday, 0, "label"), "Lunch"],
    ];
    const week: Entries = [["therapistId", therapist.id], ...grid];

    const first = await outcomeOf(replaceWorkingHoursAction!, formOf(week));
    expect(first).toMatchObject({ kind: "state", state: { ok: true } });

    const timeNames = grid.map(([name]) => name).filter((name) => !name.endsWith(".label"));
    const labelName = rangeField("breaks", monday, 0, "label");
    const unrendered = [
      ...PROTOTYPE_WORDS.flatMap((word) => [
        `hours.${word}.0.start`,
        `breaks.${monday}.${word}.start`,
        `hours.${monday}.0.${word}`,
      ]),
      `hours.7.0.start`,
      `hours.-1.0.start`,
      `hours.${monday}.100.start`,
      `hours.${monday}.00.start`,
      `hours.${monday}.1e0.start`,
      `hours.${monday}.0.label`,
      `breaks.${monday}.0.label.extra`,
      `hours.${monday}`,
    ];
    const tries: Try[] = [
      ...timeNames.flatMap((name) =>
        valueTries(week, name, [...HOSTILE_VALUES.map((value) => value.text), ...CLOCK_TRICKS]),
      ),
      ...valueTries(
        week,
        labelName,
        NEVER_VALID_TEXT.map((value) => value.text),
      ),
      ...shapeTries(week, timeNames),
      { label: `${labelName} sent twice`, entries: plus(week, labelName, "Lunch"), field: labelName },
      ...unrendered.map((name) => ({ label: `the name ${name}`, entries: plus(week, name, "10:00"), field: null })),
    ];
    const snapshot = async () => ({
      hours: await prisma.workingHours.findMany({
        where: { therapistId: therapist.id },
        select: { weekday: true, startMinute: true, endMinute: true },
        orderBy: [{ weekday: "asc" }, { startMinute: "asc" }],
      }),
      breaks: await prisma.therapistBreak.findMany({
        where: { therapistId: therapist.id },
        select: { weekday: true, startMinute: true, endMinute: true, label: true },
        orderBy: [{ weekday: "asc" }, { startMinute: "asc" }],
      }),
    });
    const { failures, count } = await runTries(replaceWorkingHoursAction!, tries, snapshot);
    expect(count).toBeGreaterThan(200);
    expect(failures).toEqual([]);

    const saved = await outcomeOf(replaceWorkingHoursAction!, formOf(week));
    expect(saved).toMatchObject({ kind: "state", state: { ok: true } });
  }, 180_000);
});
