// REQUIRE_STAFF_MFA covers the staff API routes as well as pages and Server Actions: until a staff
// member has turned two-factor sign-in on, GET /api/bookings?day (the day's clients) and the report
// CSV are refused, as the pages behind them are. Once enrolled, both answer.
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/guards";
import { prisma } from "@/lib/db";
import { ENGINE } from "../support/db-setup";
import { createTherapist, createUser } from "../support/factories";

let signedIn: CurrentUser | null = null;

vi.mock("@/lib/auth/guards", () => ({
  STAFF_ROLES: ["THERAPIST", "ADMIN"],
  getCurrentUser: async () => signedIn,
  requireApiUser: async () => {
    if (!signedIn) throw new Error("test: nobody signed in");
    return signedIn;
  },
}));

vi.mock("@/lib/env", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/env")>();
  return { ...original, getEnv: () => ({ ...original.getEnv(), REQUIRE_STAFF_MFA: true }) };
});

const { GET: getBookings } = await import("@/app/api/bookings/route");
const { GET: getReportCsv } = await import("@/app/api/staff/reports/csv/route");

const asCurrentUser = (user: { id: string; email: string; name: string | null; role: CurrentUser["role"] }) => ({
  id: user.id,
  email: user.email,
  name: user.name,
  role: user.role,
});

const dayRequest = () => new Request("http://localhost:3000/api/bookings?day=2026-12-01");
const csvRequest = () => new Request("http://localhost:3000/api/staff/reports/csv?from=2026-11-01&to=2026-11-07");

beforeEach(() => {
  signedIn = null;
});

describe(`security: REQUIRE_STAFF_MFA on staff API routes (${ENGINE})`, () => {
  it("refuses the report CSV to an admin who has not set up two-factor sign-in, and serves it once they have", async () => {
    const admin = await createUser({ role: "ADMIN" });
    signedIn = asCurrentUser(admin);
    const refused = await getReportCsv(csvRequest());
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(await refused.text()).not.toContain("Therapist");

    await prisma.user.update({ where: { id: admin.id }, data: { totpEnabledAt: new Date() } });
    const served = await getReportCsv(csvRequest());
    expect(served.status).toBe(200);
    expect(await served.text()).toContain("Therapist");
  });

  it("refuses a therapist's day list until they have set up two-factor sign-in", async () => {
    const therapist = await createTherapist();
    const user = await prisma.user.findUniqueOrThrow({ where: { id: therapist.userId } });
    signedIn = asCurrentUser(user);
    const refused = await getBookings(dayRequest());
    expect(refused.status).toBe(403);

    await prisma.user.update({ where: { id: user.id }, data: { totpEnabledAt: new Date() } });
    const served = await getBookings(dayRequest());
    expect(served.status).toBe(200);
  });
});
