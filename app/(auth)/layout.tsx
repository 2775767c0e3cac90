import type { ReactNode } from "react";
import { PublicShell } from "@/components/layout/public-shell";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <PublicShell>
      <div className="mx-auto w-full max-w-md px-4 py-10 sm:py-16">{children}</div>
    </PublicShell>
  );
}
