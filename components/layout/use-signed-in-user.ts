"use client";

// Who is signed in, asked of the server after the page loads and again after each navigation, so
// every page can stay static. The server-side guards remain the real check.
import { useEffect, useState } from "react";

export interface SignedInUser {
  name: string | null;
  role: "CLIENT" | "THERAPIST" | "ADMIN";
}

/**
 * `undefined` until the first answer arrives, then the user or `null` when nobody is signed in.
 * After a navigation from a signed-out page (which may follow a sign-in) it is `undefined` again
 * until the new answer comes, so the header never shows "Sign in" flipping to "Account".
 */
export function useSignedInUser(pathname: string): SignedInUser | null | undefined {
  const [answer, setAnswer] = useState<{ pathname: string; user: SignedInUser | null }>();

  useEffect(() => {
    const controller = new AbortController();
    fetch("/api/me", { cache: "no-store", signal: controller.signal })
      .then((response) => (response.ok ? (response.json() as Promise<{ user: SignedInUser | null }>) : { user: null }))
      .then((body) => setAnswer({ pathname, user: body.user }))
      .catch(() => {
        if (!controller.signal.aborted) setAnswer({ pathname, user: null });
      });
    return () => controller.abort();
  }, [pathname]);

  if (!answer) return undefined;
  if (answer.user === null && answer.pathname !== pathname) return undefined;
  return answer.user;
}
