// No account enumeration (issue #16 point 6). Sign-up said "An account with this email already exists"
// (for staff addresses too), and an email change to a free address left a message in the requester's
// messages and export that a change to a taken address did not. Now sign-up answers "check your
// email" either way (a new account is confirmed from its link; the owner of a taken address is told
// instead), an unconfirmed client cannot sign in (so the password just typed tells nothing), and an
// email change leaves the requester the same trail either way (the owner of a taken address is told).
import { beforeEach, describe, expect, it, vi } from "vitest";
import { signUpAction } from "@/app/(auth)/actions";
import { exportAccountData } from "@/lib/account/export-account-data";
import { authenticateWithPassword } from "@/lib/auth/authenticate";
import { hashPassword } from "@/lib/auth/password";
import { requestEmailChange } from "@/lib/auth/request-email-change";
import type { SignUpState } from "@/lib/auth/schemas";
import { verifyEmail } from "@/lib/auth/verify-email";
import { prisma } from "@/lib/db";
import { listClientMessages } from "@/lib/notifications/list-outbox-messages";
import { ENGINE } from "../support/db-setup";
import { createUser, uniqueEmail } from "../support/factories";

let requestHeaders = new Headers();
// What the action hands to Next's `after`: run by the test once the answer is in hand.
let deferred: (() => Promise<void>)[] = [];

vi.mock("next/headers", () => ({
  headers: async () => requestHeaders,
  cookies: async () => ({ get: () => undefined, getAll: () => [], set: () => undefined, has: () => false }),
}));

vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/server")>()),
  after: (work: () => Promise<void>) => {
    deferred.push(work);
  },
}));

// Auth.js itself does not load outside Next's bundler; sign-up no longer signs anyone in, so the
// action file's sign-in imports stand in untouched.
vi.mock("next-auth", () => ({ CredentialsSignin: class CredentialsSignin extends Error {} }));
vi.mock("@/lib/auth/auth", () => ({
  signIn: () => null,
  signOut: () => null,
  SecondFactorInvalid: class SecondFactorInvalid extends Error {},
  SecondFactorRequired: class SecondFactorRequired extends Error {},
  SignInThrottled: class SignInThrottled extends Error {},
}));

const PASSWORD = "lantern-ferry-orchard";
const TYPED_PASSWORD = "harbour-lantern-meadow";
// A name a stranger might type to speak to the owner of a taken address.
const TYPED_NAME = "Clinic Security Team";

const randomOctet = () => Math.floor(Math.random() * 250) + 1;
// Each submission comes from its own network, so the sign-up throttle (10 an hour) never answers.
const freshIp = () => `198.18.${randomOctet()}.${randomOctet()}`;

async function submitSignUp(email: string, { callbackUrl }: { callbackUrl?: string } = {}) {
  requestHeaders = new Headers({ "x-forwarded-for": freshIp() });
  const form = new FormData();
  form.set("name", TYPED_NAME);
  form.set("email", email);
  form.set("password", TYPED_PASSWORD);
  if (callbackUrl) form.set("callbackUrl", callbackUrl);
  deferred = [];
  const answer = await signUpAction({ ok: false }, form);
  // What existed when the answer was given, before the deferred work ran.
  const deferredWork = deferred.length;
  const usersWhenAnswered = await prisma.user.count({ where: { email } });
  for (const work of deferred.splice(0)) await work();
  return { answer, deferredWork, usersWhenAnswered };
}

/** The answer with the address typed replaced, so two answers for two addresses can be compared. */
const shapeOf = (answer: SignUpState, email: string) => JSON.parse(JSON.stringify(answer).replaceAll(email, "<email>"));

const outboxTo = (toAddress: string) =>
  prisma.emailOutbox.findMany({
    where: { toAddress },
    orderBy: { createdAt: "asc" },
    select: { template: true, userId: true, subject: true, text: true, html: true },
  });

describe(`sign-up answers the same for a free and a taken address (${ENGINE})`, () => {
  beforeEach(() => {
    deferred = [];
  });

  it("gives one answer for a free address, a client's and a staff member's; the free one gets a link, the owners a notice", async () => {
    const passwordHash = await hashPassword(PASSWORD);
    const client = await createUser({ passwordHash });
    const therapist = await createUser({ role: "THERAPIST", passwordHash });
    await prisma.user.updateMany({
      where: { id: { in: [client.id, therapist.id] } },
      data: { emailVerified: new Date() },
    });
    const before = await prisma.user.findMany({
      where: { id: { in: [client.id, therapist.id] } },
      orderBy: { id: "asc" },
    });
    const freeEmail = uniqueEmail("free");

    const free = await submitSignUp(freeEmail);
    const takenByClient = await submitSignUp(client.email);
    const takenByStaff = await submitSignUp(therapist.email);

    expect(free.answer.ok).toBe(true);
    expect(free.answer.message).toContain(`sent a message to ${freeEmail}`);
    expect(free.answer.fieldErrors).toBeUndefined();
    expect(shapeOf(takenByClient.answer, client.email)).toEqual(shapeOf(free.answer, freeEmail));
    expect(shapeOf(takenByStaff.answer, therapist.email)).toEqual(shapeOf(free.answer, freeEmail));
    // Nothing was created or looked up on the answer's path: the differing work ran after it.
    expect([free.deferredWork, takenByClient.deferredWork, takenByStaff.deferredWork]).toEqual([1, 1, 1]);
    expect(free.usersWhenAnswered).toBe(0);

    // The free address: an unconfirmed client account and its confirmation link.
    const created = await prisma.user.findUniqueOrThrow({ where: { email: freeEmail } });
    expect(created).toMatchObject({ role: "CLIENT", name: TYPED_NAME, emailVerified: null });
    expect((await outboxTo(freeEmail)).map((m) => [m.template, m.userId])).toEqual([
      ["account-email-verification", created.id],
    ]);

    // Each taken address: one notice to its owner, among the owner's messages, with the ways back in
    // and nothing the stranger typed; the account exactly as it was.
    for (const owner of [client, therapist]) {
      const messages = await outboxTo(owner.email);
      expect(messages.map((m) => [m.template, m.userId])).toEqual([["account-sign-up-attempt", owner.id]]);
      const [notice] = messages;
      expect(notice?.text).toMatch(/\/sign-in\b/);
      expect(notice?.text).toMatch(/\/forgot-password\b/);
      for (const part of [notice?.subject, notice?.text, notice?.html]) {
        expect(part).not.toContain(TYPED_NAME);
        expect(part).not.toContain(TYPED_PASSWORD);
      }
      expect(await prisma.user.count({ where: { email: owner.email } })).toBe(1);
    }
    const after = await prisma.user.findMany({
      where: { id: { in: [client.id, therapist.id] } },
      orderBy: { id: "asc" },
    });
    expect(after).toEqual(before);
  });

  it("lets neither a new account nor the stranger at a taken address sign in with the password typed, until the link is followed", async () => {
    const owner = await createUser({ passwordHash: await hashPassword(PASSWORD) });
    await prisma.user.update({ where: { id: owner.id }, data: { emailVerified: new Date() } });
    const freeEmail = uniqueEmail("newcomer");
    await submitSignUp(freeEmail, { callbackUrl: "/book?service=calf-classic" });
    await submitSignUp(owner.email);

    const ip = freshIp();
    const newcomer = await authenticateWithPassword({ email: freeEmail, password: TYPED_PASSWORD }, { clientIp: ip });
    const stranger = await authenticateWithPassword({ email: owner.email, password: TYPED_PASSWORD }, { clientIp: ip });
    expect(newcomer).toEqual({ ok: false, reason: "invalid" });
    expect(stranger).toEqual(newcomer);

    // The link carries the booking the sign-up started from, and once followed the account signs in.
    const [verification] = await outboxTo(freeEmail);
    const link = /https?:\/\/\S+\/verify-email\/([A-Za-z0-9_-]+)(\S*)/.exec(verification?.text ?? "");
    expect(link?.[2]).toBe(`?callbackUrl=${encodeURIComponent("/book?service=calf-classic")}`);
    expect(await verifyEmail(link?.[1] ?? "")).toEqual({ ok: true });
    const signedIn = await authenticateWithPassword(
      { email: freeEmail, password: TYPED_PASSWORD },
      { clientIp: freshIp() },
    );
    expect(signedIn.ok).toBe(true);
  });
});

describe(`an email change leaves the same trail for a free and a taken address (${ENGINE})`, () => {
  let passwordHash: Promise<string> | undefined;
  async function requester(label: string) {
    passwordHash ??= hashPassword(PASSWORD);
    const user = await createUser({ email: uniqueEmail(label), passwordHash: await passwordHash });
    return prisma.user.update({ where: { id: user.id }, data: { emailVerified: new Date() } });
  }

  /** What the requester can see of their request: their messages, their export, their audit trail. */
  async function trailOf(userId: string, addresses: string[]) {
    const hide = (value: unknown) =>
      JSON.parse(
        addresses.reduce(
          (text, address, index) => text.replaceAll(address, `<address-${index}>`),
          JSON.stringify(value),
        ),
      );
    const messages = (await listClientMessages(userId)).map(({ id: _id, createdAt: _c, sentAt: _s, ...rest }) => rest);
    const exported = await exportAccountData(userId);
    if (!exported) throw new Error("no export for the requester");
    const exportedMessages = exported.messages.map(({ id: _id, createdAt: _c, sentAt: _s, ...rest }) => rest);
    const audit = (await prisma.auditLog.findMany({ where: { OR: [{ entityId: userId }, { actorId: userId }] } })).map(
      (entry) => [entry.action, entry.entityType, entry.data],
    );
    return hide({ messages, exportedMessages, audit });
  }

  it("answers the same, shows the requester the same messages, export and audit trail, and tells the owner instead", async () => {
    const toFree = await requester("asks-free");
    const toTaken = await requester("asks-taken");
    const owner = await requester("owner");
    const ownerBefore = await prisma.user.findUniqueOrThrow({ where: { id: owner.id } });
    const freeEmail = uniqueEmail("free-address");

    const freeAnswer = await requestEmailChange({ newEmail: freeEmail, currentPassword: PASSWORD }, toFree.id);
    const takenAnswer = await requestEmailChange({ newEmail: owner.email, currentPassword: PASSWORD }, toTaken.id);
    expect(takenAnswer).toEqual(freeAnswer);
    expect(freeAnswer).toEqual({ ok: true });

    const freeTrail = await trailOf(toFree.id, [toFree.email, freeEmail]);
    const takenTrail = await trailOf(toTaken.id, [toTaken.email, owner.email]);
    expect(takenTrail).toEqual(freeTrail);
    expect(freeTrail.messages.map((m: { template: string }) => m.template)).toEqual(["account-email-change-requested"]);

    // The free address gets its link (not among the requester's messages); the owner a notice, in
    // their own messages, and no link anywhere could move an account onto the taken address.
    expect((await outboxTo(freeEmail)).map((m) => [m.template, m.userId])).toEqual([
      ["account-email-change-confirm", null],
    ]);
    const ownerMail = await outboxTo(owner.email);
    expect(ownerMail.map((m) => [m.template, m.userId])).toEqual([["account-email-change-address-in-use", owner.id]]);
    expect(ownerMail[0]?.text).not.toContain("/confirm-email");
    expect(ownerMail[0]?.text).not.toContain(toTaken.email);
    expect((await listClientMessages(owner.id)).map((m) => m.template)).toEqual([
      "account-email-change-address-in-use",
    ]);
    expect(await prisma.accountToken.count({ where: { userId: toTaken.id, purpose: "EMAIL_CHANGE" } })).toBe(0);
    expect(await prisma.user.findUniqueOrThrow({ where: { id: owner.id } })).toEqual(ownerBefore);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: toTaken.id } })).email).toBe(toTaken.email);
  });
});
