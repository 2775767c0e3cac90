// Auth.js: email + password sign-in through the Credentials provider. Sessions are signed JWT
// cookies (Auth.js supports Credentials only with JWT sessions); every guard re-reads the user
// from the database, so a deleted account or a changed role takes effect on the next request.
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { PrismaAdapter } from "@auth/prisma-adapter";
import { prisma } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { authenticateWithPassword } from "./authenticate";
import { clientIpFrom } from "./client-ip";
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
    // Failed sign-ins are expected traffic, not server errors.
    error(error) {
      if (error instanceof CredentialsSignin) return;
      console.error("[auth]", error.name, error.message);
    },
  },
  providers: [
    Credentials({
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(raw, request) {
        const parsed = signInSchema.safeParse(raw);
        if (!parsed.success) throw new InvalidCredentials();
        const result = await authenticateWithPassword(parsed.data, clientIpFrom(request.headers));
        if (result.ok) return { id: result.user.id, email: result.user.email, name: result.user.name };
        if (result.reason === "throttled") throw new SignInThrottled(result.retryAfterSeconds);
        throw new InvalidCredentials();
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
}));
