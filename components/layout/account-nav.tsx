"use client";

// The signed-in part of the header. It asks the server who is signed in after the page loads, so
// the rest of every page can stay static; the server-side guards remain the real check.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";

interface Me {
  name: string | null;
  role: "CLIENT" | "THERAPIST" | "ADMIN";
}

const linkClass = "rounded-full px-3 py-2 font-semibold text-teal-800 hover:bg-teal-50";

export function AccountNav() {
  const pathname = usePathname();
  const [me, setMe] = useState<Me | null | undefined>(undefined);

  useEffect(() => {
    const controller = new AbortController();
    fetch("/api/me", { cache: "no-store", signal: controller.signal })
      .then((response) => (response.ok ? (response.json() as Promise<{ user: Me | null }>) : { user: null }))
      .then((body) => setMe(body.user))
      .catch(() => {
        if (!controller.signal.aborted) setMe(null);
      });
    return () => controller.abort();
  }, [pathname]);

  if (me === undefined) return <span className="inline-block w-20" aria-hidden="true" />;
  if (me === null) {
    return (
      <Link href="/sign-in" className={linkClass}>
        Sign in
      </Link>
    );
  }
  return (
    <>
      {me.role !== "CLIENT" ? (
        <Link href="/staff" className={linkClass}>
          Staff
        </Link>
      ) : null}
      <Link href="/account" className={linkClass}>
        Account
      </Link>
    </>
  );
}
