// GET /api/account/export: the signed-in client's own data as a JSON file ("Download my data").
import { NextResponse } from "next/server";
import { exportAccountData } from "@/lib/account/export-account-data";
import { requireApiUser } from "@/lib/auth/guards";
import { ApiError, apiHandler } from "@/lib/http/api-error";

export const dynamic = "force-dynamic";

export const GET = apiHandler(async () => {
  const user = await requireApiUser();
  const now = new Date();
  const data = await exportAccountData(user.id, now);
  if (!data) throw new ApiError("not_found", "We couldn't find that account.");
  return new NextResponse(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="my-data-${now.toISOString().slice(0, 10)}.json"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
