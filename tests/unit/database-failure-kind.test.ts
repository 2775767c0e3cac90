// databaseFailureKind on the shapes node-postgres, the Prisma driver adapter, Prisma itself and
// Auth.js give a failing database (tests/db/database-availability.test.ts produces them for real).
import { AdapterError, CallbackRouteError } from "@auth/core/errors";
import { describe, expect, it } from "vitest";
import { databaseFailureKind, type DatabaseFailureKind } from "@/lib/db/errors";

// As Auth.js builds them (`new AdapterError(e)`, `new CallbackRouteError(e, { provider })`), though
// their types only admit a string message.
const authError = (type: typeof AdapterError, error: unknown, options?: object) =>
  new (type as unknown as new (error: unknown, options?: object) => Error)(error, options);
const callbackRouteError = (error: unknown) => authError(CallbackRouteError, error, { provider: "credentials" });

// A DriverAdapterError as @prisma/adapter-pg throws it: the mapped error is its cause.
const adapterError = (cause: Record<string, unknown>) =>
  Object.assign(new Error(String(cause.kind)), { name: "DriverAdapterError", cause });
const pgError = (code: string, message: string) => Object.assign(new Error(message), { code, severity: "ERROR" });
const prismaError = (code: string, message: string) =>
  Object.assign(new Error(message), { name: "PrismaClientKnownRequestError", code, clientVersion: "6.19.3" });

const cases: [string, unknown, DatabaseFailureKind | undefined][] = [
  [
    "connection refused (socket)",
    Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED" }),
    "unreachable",
  ],
  ["host not found", Object.assign(new Error("getaddrinfo ENOTFOUND db"), { code: "ENOTFOUND" }), "unreachable"],
  [
    "adapter: DatabaseNotReachable",
    adapterError({ kind: "DatabaseNotReachable", host: "127.0.0.1", port: 1 }),
    "unreachable",
  ],
  ["adapter: ConnectionClosed", adapterError({ kind: "ConnectionClosed" }), "unreachable"],
  ["pg: pool acquire timeout", new Error("timeout exceeded when trying to connect"), "pool_exhausted"],
  ["pg: connection lost", new Error("Connection terminated unexpectedly"), "unreachable"],
  ["statement timeout (57014)", adapterError({ kind: "postgres", code: "57014", originalCode: "57014" }), "timeout"],
  ["lock timeout (55P03)", pgError("55P03", "canceling statement due to lock timeout"), "timeout"],
  [
    "too many connections (53300)",
    adapterError({ kind: "TooManyConnections", originalCode: "53300" }),
    "pool_exhausted",
  ],
  ["admin shutdown (57P01)", pgError("57P01", "terminating connection due to administrator command"), "unreachable"],
  ["cannot connect now (57P03)", pgError("57P03", "the database system is starting up"), "unreachable"],
  ["connection exception class 08", pgError("08006", "connection failure"), "unreachable"],
  ["Prisma P1001", prismaError("P1001", "Can't reach database server"), "unreachable"],
  ["Prisma P1002", prismaError("P1002", "The database server was reached but timed out"), "timeout"],
  ["Prisma P1017", prismaError("P1017", "Server has closed the connection"), "unreachable"],
  [
    "Prisma P2024",
    prismaError("P2024", "Timed out fetching a new connection from the connection pool"),
    "pool_exhausted",
  ],
  [
    "Prisma P2028: transaction could not start",
    prismaError("P2028", "Transaction API error: Unable to start a transaction in the given time."),
    "pool_exhausted",
  ],
  [
    "Prisma P2028: transaction not found",
    prismaError("P2028", "Transaction API error: Transaction not found."),
    undefined,
  ],
  ["unique violation", prismaError("P2002", "Unique constraint failed"), undefined],
  ["exclusion violation", adapterError({ kind: "postgres", originalCode: "23P01" }), undefined],
  ["deadlock", adapterError({ kind: "postgres", originalCode: "40P01" }), undefined],
  ["a bug", new TypeError("Cannot read properties of undefined"), undefined],
  ["a string", "ECONNREFUSED", undefined],
];

describe("databaseFailureKind", () => {
  it.each(cases)("%s", (_name, error, expected) => {
    expect(databaseFailureKind(error)).toBe(expected);
  });

  it("looks through Prisma's wrapping and Auth.js's AdapterError and CallbackRouteError", () => {
    const deep = prismaError("P2010", "Raw query failed");
    Object.assign(deep, { meta: { driverAdapterError: adapterError({ kind: "postgres", originalCode: "57014" }) } });
    expect(databaseFailureKind(deep)).toBe("timeout");
    const refused = adapterError({ kind: "DatabaseNotReachable" });
    expect(databaseFailureKind(authError(AdapterError, refused))).toBe("unreachable");
    expect(databaseFailureKind(callbackRouteError(new Error("outer", { cause: refused })))).toBe("unreachable");
  });

  it("stops on a cause cycle", () => {
    const a: { cause?: unknown } = {};
    const b = { cause: a };
    a.cause = b;
    expect(databaseFailureKind(a)).toBeUndefined();
  });
});
