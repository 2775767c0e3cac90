// GET /api/me: who is signed in (name and role only), for the header's account links.
import { NextResponse } from "next/server";
import { getCurrentUser } from "@/lib/auth/guards";
import { apiHandler } from "@/lib/http/api-error";

export const dynamic = "force-dynamic";

export const GET = apiHandler(async () => {
  const user = await getCurrentUser();
  return NextResponse.json(
    { user: user ? { name: user.name, role: user.role } : null },
    { headers: { "Cache-Control": "private, no-store" } },
  );
});
