"use client";

// Who is signed in, asked of the server after the page loads and again after each navigation, so
// every page can stay static. The server-side guards remain the real check.
import { useEffect, useState } from "react";

export interface SignedInUser {
  name: string | null;
  role: "CLIENT" | "THERAPIST" | "ADMIN";
}

/** `undefined` until the first answer arrives, then the user or `null` when nobody is signed in. */
export function useSignedInUser(pathname: string): SignedInUser | null | undefined {
  const [user, setUser] = useState<SignedInUser | null | undefined>(undefined);

  useEffect(() => {
    const controller = new AbortController();
    fetch("/api/me", { cache: "no-store", signal: controller.signal })
      .then((response) => (response.ok ? (response.json() as Promise<{ user: SignedInUser | null }>) : { user: null }))
      .then((body) => setUser(body.user))
      .catch(() => {
        if (!controller.signal.aborted) setUser(null);
      });
    return () => controller.abort();
  }, [pathname]);

  return user;
}
