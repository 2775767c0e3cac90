// The app's Auth.js instance, configured from the checked settings (lib/auth/auth-config.ts).
import "server-only";
import NextAuth from "next-auth";
import { getEnv } from "@/lib/env";
import { authConfig } from "./auth-config";

export { InvalidCredentials, SecondFactorInvalid, SecondFactorRequired, SignInThrottled } from "./auth-config";

export const { handlers, auth, signIn, signOut } = NextAuth(() => authConfig(getEnv()));
