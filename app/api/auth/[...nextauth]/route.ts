// GET/POST /api/auth/*: Auth.js endpoints (session, CSRF token, sign-out). Sign-in itself goes
// through Server Actions.
import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/auth";
import { endCurrentSession } from "@/lib/auth/sign-out";
import { getEnv } from "@/lib/env";
import { ApiError, apiHandler } from "@/lib/http/api-error";

export const { GET } = handlers;

// Sign-out ends the server-side session before Auth.js clears the cookie; when that fails the
// request fails with it (a 500, logged), and the cookie stays. Only from the site's own pages
// (Origin), since Auth.js's own CSRF check runs after the session is already gone.
export const POST = apiHandler(async (request: NextRequest): Promise<Response> => {
  if (new URL(request.url).pathname.endsWith("/signout")) {
    if (request.headers.get("origin") !== new URL(getEnv().APP_URL).origin) {
      throw new ApiError("forbidden", "Sign out from the clinic's own pages.");
    }
    await endCurrentSession(request.headers);
  }
  return handlers.POST(request);
});
