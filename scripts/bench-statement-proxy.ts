// Counts the SQL statements a running server sends to PostgreSQL, whole requests included (session,
// throttle, booking), without touching the app: the bench points one server's DATABASE_URL at this
// TCP relay, which passes every byte through and reads the client's side of the wire protocol. Each
// statement the driver runs is one simple Query ('Q', e.g. BEGIN or COMMIT) or one Execute ('E') of
// an extended-protocol query (node-postgres sends Parse/Bind/Describe/Execute/Sync per parameterised
// query), so their sum is the count at the driver, as tests/support/count-statements.ts takes it.
import net from "node:net";

const SSL_REQUEST = 80877103;
const GSS_ENCRYPTION_REQUEST = 80877104;

/** Reads one connection's frontend messages from chunks split anywhere; counts statements. */
export class FrontendStatementCounter {
  statements = 0;
  // Set to collect the text of each statement counted (the last Parse's, for an Execute).
  onStatement: ((sql: string) => void) | null = null;
  private lastParsed = "";
  private buffer: Buffer = Buffer.alloc(0);
  // Before the startup message, messages have no type byte (length, then a protocol code).
  private startingUp = true;

  push(chunk: Buffer): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    for (;;) {
      if (this.startingUp) {
        if (this.buffer.length < 8) return;
        const length = this.buffer.readInt32BE(0);
        if (this.buffer.length < length) return;
        const code = this.buffer.readInt32BE(4);
        // After an SSL or GSS request the real startup message follows, still untyped.
        if (code !== SSL_REQUEST && code !== GSS_ENCRYPTION_REQUEST) this.startingUp = false;
        this.buffer = this.buffer.subarray(length);
        continue;
      }
      if (this.buffer.length < 5) return;
      const type = String.fromCharCode(this.buffer[0] as number);
      const length = this.buffer.readInt32BE(1);
      if (this.buffer.length < 1 + length) return;
      if (type === "P" && this.onStatement) {
        // Parse: statement name, NUL, query text, NUL, parameter types.
        const body = this.buffer.subarray(5, 1 + length);
        const nameEnd = body.indexOf(0);
        this.lastParsed = body.subarray(nameEnd + 1, body.indexOf(0, nameEnd + 1)).toString("utf8");
      }
      if (type === "Q" || type === "E") {
        this.statements++;
        const sql = type === "Q" ? this.buffer.subarray(5, length).toString("utf8") : this.lastParsed;
        this.onStatement?.(sql);
      }
      this.buffer = this.buffer.subarray(1 + length);
    }
  }
}

export interface StatementProxy {
  /** postgresql:// URL of the relay, same user, password and database as the target. */
  url: string;
  /** Statements sent so far over every connection. */
  statements(): number;
  /** Starts collecting the text of every statement sent; the returned function stops and returns them. */
  record(): () => string[];
  close(): Promise<void>;
}

/** A relay on 127.0.0.1:port to the PostgreSQL of targetUrl (no TLS: a local bench database). */
export async function startStatementProxy(targetUrl: string, port: number): Promise<StatementProxy> {
  const target = new URL(targetUrl);
  const counters = new Set<FrontendStatementCounter>();
  let closedStatements = 0;
  const sockets = new Set<net.Socket>();
  let recording: string[] | null = null;
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    const counter = new FrontendStatementCounter();
    counter.onStatement = (sql) => recording?.push(sql);
    counters.add(counter);
    sockets.add(client).add(upstream);
    client.on("data", (chunk: Buffer) => counter.push(chunk));
    client.pipe(upstream);
    upstream.pipe(client);
    const end = () => {
      if (counters.delete(counter)) closedStatements += counter.statements;
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on("close", end).on("error", end);
    upstream.on("close", end).on("error", end);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const url = new URL(targetUrl);
  url.hostname = "127.0.0.1";
  url.port = String(port);
  return {
    url: url.toString(),
    statements: () => closedStatements + [...counters].reduce((sum, counter) => sum + counter.statements, 0),
    record: () => {
      const statements: string[] = [];
      recording = statements;
      return () => {
        recording = null;
        return statements;
      };
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
