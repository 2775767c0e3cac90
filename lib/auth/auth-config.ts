// Auth.js configuration: email + password sign-in through the Credentials provider, with each
// session tied to a database row so sign-out and account changes take effect on the server.
import "server-only";
import type { NextAuthConfig } from "next-auth";
import { CredentialsSignin } from "@auth/core/errors";
import Credentials from "next-auth/providers/credentials";
import { cookies } from "next/headers";
import { PrismaAdapter } from "@auth/prisma-adapter";
import { prisma } from "@/lib/db";
import { noteDatabaseUnavailable } from "@/lib/http/unavailable";
import type { Env } from "@/lib/env";
import { authCookieSettings, readCookie } from "./auth-cookies";
import { authenticateWithPassword } from "./authenticate";
import { clientIpFrom } from "./client-ip";
import { SESSION_COOKIE_MAX_AGE_SECONDS } from "./session-policy";
import { createSessionRecord, findSessionUser } from "./sessions";
import { signInSchema } from "./schemas";

export class InvalidCredentials extends CredentialsSignin {
  override code = "invalid_credentials";
}

// The password was right; the account also needs its two-factor code (the form asks for it next).
export class SecondFactorRequired extends CredentialsSignin {
  override code = "second_factor_required";
}

export class SecondFactorInvalid extends CredentialsSignin {
  override code = "second_factor_invalid";
}

export class SignInThrottled extends CredentialsSignin {
  override code = "throttled";
  constructor(readonly retryAfterSeconds: number) {
    super();
  }
}

// Auth.js allows Credentials only with JWT sessions, so the JWT carries the id of a database
// Session row (lib/auth/sessions.ts) and the guards accept it only while that row lives: sign-out
// revokes it server-side, and a deleted account, a changed role or an idle session takes effect on
// the next request. Built from the checked settings, so tests can build it for any APP_URL.
export function authConfig(env: Env): NextAuthConfig {
  const cookieSettings = authCookieSettings(env.APP_URL);
  return {
    // The generated client is structurally the adapter's PrismaClient; the cast bridges two
    // generators' type names.
    adapter: PrismaAdapter(prisma as unknown as Parameters<typeof PrismaAdapter>[0]),
    secret: env.AUTH_SECRET,
    trustHost: true,
    // From APP_URL, not from the request: behind a TLS-terminating proxy the app sees http.
    useSecureCookies: cookieSettings.secure,
    cookies: { sessionToken: cookieSettings.sessionToken },
    session: { strategy: "jwt", maxAge: SESSION_COOKIE_MAX_AGE_SECONDS },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    logger: {
      // Failed sign-ins are expected traffic, not server errors. Class names are minified in
      // production builds, so log Auth.js's own error type.
      error(error) {
        if (error instanceof CredentialsSignin) return;
        // A database that is down is logged once per kind per interval, not per request.
        if (noteDatabaseUnavailable(error)) return;
        const type = (error as { type?: string }).type ?? error.name;
        console.error("[auth]", type, error.message, error.cause instanceof Error ? error.cause.message : "");
      },
    },
    providers: [
      Credentials({
        credentials: { email: { type: "email" }, password: { type: "password" }, code: { type: "text" } },
        async authorize(raw, request) {
          const parsed = signInSchema.safeParse(raw);
          if (!parsed.success) throw new InvalidCredentials();
          const result = await authenticateWithPassword(parsed.data, {
            clientIp: clientIpFrom(request.headers, env.TRUST_PROXY_HOPS),
            knownDeviceToken: readCookie(request.headers.get("cookie"), cookieSettings.knownDevice.name),
          });
          if (result.ok) {
            // Runs inside the Server Action or route handler that signs in, whose cookies are writable.
            (await cookies()).set(
              cookieSettings.knownDevice.name,
              result.knownDeviceToken,
              cookieSettings.knownDevice.options,
            );
            return { id: result.user.id, email: result.user.email, name: result.user.name };
          }
          if (result.reason === "throttled") throw new SignInThrottled(result.retryAfterSeconds);
          if (result.reason === "second_factor_required") throw new SecondFactorRequired();
          if (result.reason === "second_factor_invalid") throw new SecondFactorInvalid();
          throw new InvalidCredentials();
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        // `user` is present only at sign-in: open the server-side session then.
        if (user?.id) {
          token.sub = user.id;
          token.sid = await createSessionRecord(user.id);
          return token;
        }
        // Any later read (GET /api/auth/session): a revoked, idle or expired server-side session
        // ends the cookie too, so the endpoint never reports a session the guards would refuse.
        const sessionUser = typeof token.sid === "string" ? await findSessionUser(token.sid) : null;
        return sessionUser && sessionUser.id === token.sub ? token : null;
      },
      session({ session, token }) {
        // What /api/auth/session shows the browser: never the server-side session id (sid).
        return {
          expires: session.expires,
          user: { id: token.sub ?? "", name: session.user?.name ?? null, email: session.user?.email ?? "" },
        };
      },
    },
  };
}
