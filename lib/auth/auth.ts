// Auth.js: email + password sign-in through the Credentials provider. Auth.js allows Credentials
// only with JWT sessions, so the JWT carries the id of a database Session row (lib/auth/sessions.ts)
// and the guards accept it only while that row lives: sign-out revokes it server-side, and a
// deleted account or a changed role takes effect on the next request.
import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { PrismaAdapter } from "@auth/prisma-adapter";
import { prisma } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { authenticateWithPassword } from "./authenticate";
import { clientIpFrom } from "./client-ip";
import { createSessionRecord, revokeSession } from "./sessions";
import { signInSchema } from "./schemas";

export class InvalidCredentials extends CredentialsSignin {
  override code = "invalid_credentials";
}

export class SignInThrottled extends CredentialsSignin {
  override code = "throttled";
  constructor(readonly retryAfterSeconds: number) {
    super();
  }
}

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  // The generated client is structurally the adapter's PrismaClient; the cast bridges two
  // generators' type names.
  adapter: PrismaAdapter(prisma as unknown as Parameters<typeof PrismaAdapter>[0]),
  secret: getEnv().AUTH_SECRET,
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  logger: {
    // Failed sign-ins are expected traffic, not server errors. Class names are minified in
    // production builds, so log Auth.js's own error type.
    error(error) {
      if (error instanceof CredentialsSignin) return;
      const type = (error as { type?: string }).type ?? error.name;
      console.error("[auth]", type, error.message, error.cause instanceof Error ? error.cause.message : "");
    },
  },
  providers: [
    Credentials({
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(raw, request) {
        const parsed = signInSchema.safeParse(raw);
        if (!parsed.success) throw new InvalidCredentials();
        const result = await authenticateWithPassword(
          parsed.data,
          clientIpFrom(request.headers, getEnv().TRUST_PROXY_HOPS),
        );
        if (result.ok) return { id: result.user.id, email: result.user.email, name: result.user.name };
        if (result.reason === "throttled") throw new SignInThrottled(result.retryAfterSeconds);
        throw new InvalidCredentials();
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      // `user` is present only at sign-in: open the server-side session then.
      if (user?.id) {
        token.sub = user.id;
        token.sid = await createSessionRecord(user.id, SESSION_MAX_AGE_SECONDS);
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      if (typeof token.sid === "string") session.sid = token.sid;
      return session;
    },
  },
  events: {
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (typeof sid === "string") await revokeSession(sid);
    },
  },
}));
