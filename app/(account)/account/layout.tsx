import type { ReactNode } from "react";
import { AccountNav } from "@/components/account/account-nav";
import { requireUser } from "@/lib/auth/guards";

export default async function AccountLayout({ children }: { children: ReactNode }) {
  await requireUser("/account");
  return (
    <div className="mx-auto w-full max-w-4xl px-4 py-10">
      <AccountNav />
      {children}
    </div>
  );
}
