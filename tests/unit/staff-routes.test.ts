// The role × route matrix comes from one list (lib/auth/staff-routes.ts). Every staff page and
// Server Action in the tree must have an entry and call its guard with it, and every entry must
// still exist, so a new staff route without an entry fails here.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Role } from "@/lib/generated/prisma/enums";
import {
  STAFF_ROUTES,
  staffPagesFor,
  staffRouteAllows,
  type StaffRoute,
  type StaffRouteKey,
} from "@/lib/auth/staff-routes";

const ROOT = process.cwd();
const STAFF_APP = path.join(ROOT, "app", "(staff)");
const API = path.join(ROOT, "app", "api");

const filesUnder = (dir: string, name: RegExp) =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && name.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));

/** app/(staff)/staff/appointments/[id]/page.tsx → /staff/appointments/[id] */
const routeOf = (file: string) =>
  `/${path
    .relative(path.join(ROOT, "app"), path.dirname(file))
    .split(path.sep)
    .filter((segment) => !/^\(.*\)$/.test(segment))
    .join("/")}`;

const keys = Object.keys(STAFF_ROUTES) as StaffRouteKey[];
const text = (file: string) => readFileSync(file, "utf8");

describe("staff routes", () => {
  const pages = filesUnder(STAFF_APP, /^page\.tsx$/);
  const actionFiles = filesUnder(STAFF_APP, /^actions\.ts$/);

  it.each(pages.map((file) => [routeOf(file), file]))("page %s is listed and guarded by its entry", (route, file) => {
    expect(keys, `add ${route} to lib/auth/staff-routes.ts`).toContain(route);
    expect(text(file)).toContain(`requireStaffRoute("${route}"`);
  });

  it("lists every exported Server Action of the staff area, each guarded by its entry", () => {
    const exported = actionFiles.flatMap((file) =>
      [...text(file).matchAll(/export async function (\w+)\s*\(/g)].map((match) => ({
        file,
        name: match[1] as string,
      })),
    );
    expect(exported.length).toBeGreaterThan(0);
    for (const { file, name } of exported) {
      expect(keys, `add action:${name} to lib/auth/staff-routes.ts`).toContain(`action:${name}`);
      expect(text(file)).toContain(`"action:${name}"`);
    }
    const listed = keys.filter((key) => STAFF_ROUTES[key].kind === "action").map((key) => key.slice("action:".length));
    expect(listed.sort()).toEqual(exported.map((action) => action.name).sort());
  });

  it("lists only pages that exist", () => {
    const existing = pages.map(routeOf);
    const listed = keys.filter((key) => STAFF_ROUTES[key].kind === "page");
    expect(listed.sort()).toEqual(existing.sort());
  });

  it("lists every API route that answers staff, and those routes consult the list", () => {
    const staffApi = filesUnder(API, /^route\.ts$/).filter((file) =>
      /STAFF_ROLES|staffRoute|requireStaff/.test(text(file)),
    );
    const apiKeys = keys.filter((key) => STAFF_ROUTES[key].kind === "api");
    for (const file of staffApi) {
      const route = routeOf(file);
      expect(
        apiKeys.some((key) => key.split(" ")[1]?.split("?")[0] === route),
        `add ${route} to lib/auth/staff-routes.ts`,
      ).toBe(true);
    }
    for (const key of apiKeys) {
      const route = key.split(" ")[1]?.split("?")[0] as string;
      const file = path.join(ROOT, "app", route.slice(1), "route.ts");
      expect(text(file)).toContain(`"${key}"`);
    }
  });

  it("never lets a client use a staff route, and admins every one", () => {
    const matrix = keys.map((key) =>
      (["CLIENT", "THERAPIST", "ADMIN"] as Role[]).map((role) => staffRouteAllows(key, role)),
    );
    for (const [client, , admin] of matrix) {
      expect(client).toBe(false);
      expect(admin).toBe(true);
    }
    expect(staffPagesFor("THERAPIST")).not.toContain("/staff/team");
    expect(staffPagesFor("ADMIN")).toContain("/staff/team");
  });

  it("keeps staff accounts to admins, and opens every staff member's own security page to them", () => {
    const teamActions = keys.filter((key) =>
      readFileSync(path.join(STAFF_APP, "staff", "team", "actions.ts"), "utf8").includes(`"${key}"`),
    );
    expect(teamActions.length).toBeGreaterThanOrEqual(5);
    for (const key of teamActions) {
      expect(staffRouteAllows(key, "ADMIN"), key).toBe(true);
      expect(staffRouteAllows(key, "THERAPIST"), key).toBe(false);
    }
    expect(staffPagesFor("THERAPIST")).toContain("/staff/security");
    expect(staffPagesFor("ADMIN")).toContain("/staff/security");
  });

  it("opens only the security page and its actions before two-factor set-up (REQUIRE_STAFF_MFA)", () => {
    const securityActions = text(path.join(STAFF_APP, "staff", "security", "actions.ts"));
    const open = keys.filter((key) => (STAFF_ROUTES[key] as StaffRoute).beforeTwoFactor);
    expect(open.sort()).toEqual(
      keys.filter((key) => key === "/staff/security" || securityActions.includes(`"${key}"`)).sort(),
    );
  });
});
