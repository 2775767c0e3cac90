// Sign-out ends the server-side session before Auth.js clears the cookie, and fails loudly (no
// cookie cleared, no redirect) when the session could not be ended.
import { beforeEach, describe, expect, it, vi } from "vitest";

const mocks = vi.hoisted(() => ({
  endCurrentSession: vi.fn<(headers: Headers) => Promise<void>>(),
  signOut: vi.fn<(options: { redirectTo: string }) => Promise<void>>(),
}));

vi.mock("next/headers", () => ({ headers: async () => new Headers({ cookie: "authjs.session-token=jwt" }) }));
vi.mock("next-auth", () => ({ CredentialsSignin: class CredentialsSignin extends Error {} }));
vi.mock("@/lib/auth/auth", () => ({
  signIn: vi.fn(),
  signOut: mocks.signOut,
  SignInThrottled: class SignInThrottled extends Error {},
}));
vi.mock("@/lib/auth/sign-out", () => ({ endCurrentSession: mocks.endCurrentSession }));

const { signOutAction } = await import("@/app/(auth)/actions");

describe("signOutAction", () => {
  beforeEach(() => {
    mocks.endCurrentSession.mockReset();
    mocks.signOut.mockReset();
  });

  it("ends the server-side session first, then lets Auth.js clear the cookie", async () => {
    mocks.endCurrentSession.mockResolvedValue();
    mocks.signOut.mockResolvedValue();
    await signOutAction();
    expect(mocks.endCurrentSession).toHaveBeenCalledWith(expect.any(Headers));
    expect(mocks.endCurrentSession.mock.calls[0]?.[0].get("cookie")).toBe("authjs.session-token=jwt");
    expect(mocks.signOut).toHaveBeenCalledWith({ redirectTo: "/" });
    const [ended] = mocks.endCurrentSession.mock.invocationCallOrder;
    const [cleared] = mocks.signOut.mock.invocationCallOrder;
    expect(ended).toBeLessThan(cleared ?? 0);
  });

  it("fails, and keeps the cookie, when the session could not be ended", async () => {
    mocks.endCurrentSession.mockRejectedValue(new Error("database unavailable"));
    await expect(signOutAction()).rejects.toThrow("database unavailable");
    expect(mocks.signOut).not.toHaveBeenCalled();
  });
});
