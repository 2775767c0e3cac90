// The bench's count of statements on the wire: node-postgres's frontend messages, however TCP
// splits them, counted as the driver sends them (one per simple Query, one per Execute).
import { describe, expect, it } from "vitest";
import { FrontendStatementCounter } from "@/scripts/bench-statement-proxy";

function untyped(code: number, body = Buffer.alloc(0)): Buffer {
  const head = Buffer.alloc(8);
  head.writeInt32BE(8 + body.length, 0);
  head.writeInt32BE(code, 4);
  return Buffer.concat([head, body]);
}

function message(type: string, body: string): Buffer {
  const payload = Buffer.from(`${body}\0`);
  const head = Buffer.alloc(5);
  head.write(type, 0, "ascii");
  head.writeInt32BE(4 + payload.length, 1);
  return Buffer.concat([head, payload]);
}

const startup = untyped(196608, Buffer.from("user\0postgres\0database\0clinic\0\0"));
const password = message("p", "secret");
// A parameterised query as node-postgres sends it: Parse, Bind, Describe, Execute, Sync.
const extendedQuery = Buffer.concat([
  message("P", "\0SELECT $1\0"),
  message("B", "\0\0"),
  message("D", "P"),
  message("E", "\0"),
  message("S", ""),
]);
const wire = Buffer.concat([
  startup,
  password,
  message("Q", "BEGIN"),
  extendedQuery,
  extendedQuery,
  message("Q", "COMMIT"),
  message("X", ""),
]);

describe("statements counted on the wire", () => {
  it("counts each simple query and each executed extended query, nothing else", () => {
    const counter = new FrontendStatementCounter();
    counter.push(wire);
    expect(counter.statements).toBe(4);
  });

  it("counts the same when the stream arrives one byte at a time", () => {
    const counter = new FrontendStatementCounter();
    for (let index = 0; index < wire.length; index++) counter.push(wire.subarray(index, index + 1));
    expect(counter.statements).toBe(4);
  });

  it("reads the startup message that follows a refused SSL request", () => {
    const counter = new FrontendStatementCounter();
    counter.push(Buffer.concat([untyped(80877103), wire]));
    expect(counter.statements).toBe(4);
  });

  it("names each statement counted: a simple query's text, an Execute's parsed query", () => {
    const counter = new FrontendStatementCounter();
    const seen: string[] = [];
    counter.onStatement = (sql) => seen.push(sql);
    counter.push(wire);
    expect(seen).toEqual(["BEGIN", "SELECT $1", "SELECT $1", "COMMIT"]);
  });

  it("does not count a message whose bytes have not all arrived", () => {
    const counter = new FrontendStatementCounter();
    const query = message("Q", "SELECT 1");
    counter.push(Buffer.concat([startup, query.subarray(0, query.length - 1)]));
    expect(counter.statements).toBe(0);
    counter.push(query.subarray(query.length - 1));
    expect(counter.statements).toBe(1);
  });
});
