// GET /api/health: liveness plus a database round trip, for load balancers and uptime checks.
// From SIGTERM until the process exits it answers 503 "draining" at once, without the round trip.
import { NextResponse } from "next/server";
import { checkDatabase } from "@/lib/db/health";
import { isDraining } from "@/lib/http/draining";
import { noteDatabaseUnavailable, reportUnavailable } from "@/lib/http/unavailable";

export const dynamic = "force-dynamic";

const noStore = { "Cache-Control": "no-store" };

export async function GET() {
  if (isDraining()) {
    return NextResponse.json({ status: "draining" }, { status: 503, headers: { ...noStore, Connection: "close" } });
  }
  // Logged with every other request's database failures, folded (its own time limit counts too).
  const db = await checkDatabase((error) => {
    if (!noteDatabaseUnavailable(error)) reportUnavailable("database unreachable", error);
  });
  return NextResponse.json(
    { status: db === "ok" ? "ok" : "degraded", db },
    { status: db === "ok" ? 200 : 503, headers: noStore },
  );
}
