// A small SMTP server for the end-to-end run: the app under test delivers its outbox here over real
// SMTP (SMTP_URL in playwright.config.ts), and each message lands as a JSON file in E2E_MAIL_DIR, so
// a spec can follow the links in it (e2e/helpers.ts readLatestEmail). The e2e app runs on an
// embedded database in its own process, so reading the outbox table from a test is not possible.
// Started by the webServer command; never part of the app.
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { SMTPServer } from "smtp-server";

export interface SunkEmail {
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  attachments: string[];
  receivedAt: string;
}

const PORT = Number(process.env.E2E_SMTP_PORT ?? 2525);
const DIR = path.resolve(process.env.E2E_MAIL_DIR ?? ".data/e2e-mail");

interface Part {
  headers: Map<string, string>;
  body: string;
}

// Headers end at the first empty line; folded lines (starting with white space) continue the one before.
function splitPart(raw: string): Part {
  const end = raw.search(/\r?\n\r?\n/);
  const head = end === -1 ? raw : raw.slice(0, end);
  const body = end === -1 ? "" : raw.slice(end).replace(/^\r?\n\r?\n/, "");
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body };
}

function parameter(header: string, name: string): string | undefined {
  const match = new RegExp(`${name}="?([^";]+)"?`, "i").exec(header);
  return match?.[1];
}

function decodeQuotedPrintable(text: string): Buffer {
  const joined = text.replace(/=\r?\n/g, "");
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const hex = joined.slice(i + 1, i + 3);
    if (joined[i] === "=" && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(joined[i] ?? "", "utf8"));
    }
  }
  return Buffer.from(bytes);
}

function decodeBody(part: Part): string {
  const encoding = (part.headers.get("content-transfer-encoding") ?? "7bit").toLowerCase();
  if (encoding === "base64") return Buffer.from(part.body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (encoding === "quoted-printable") return decodeQuotedPrintable(part.body).toString("utf8");
  return part.body;
}

// RFC 2047 encoded words in headers: =?UTF-8?Q?...?= and =?UTF-8?B?...?=.
function decodeHeader(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_all, _charset: string, kind: string, data: string) =>
      kind.toUpperCase() === "B"
        ? Buffer.from(data, "base64").toString("utf8")
        : decodeQuotedPrintable(data.replace(/_/g, " ")).toString("utf8"),
    );
}

function collect(part: Part, into: Pick<SunkEmail, "text" | "html" | "attachments">): void {
  const type = part.headers.get("content-type") ?? "text/plain";
  const boundary = /^multipart\//i.test(type) ? parameter(type, "boundary") : undefined;
  if (boundary) {
    const sections = part.body.split(`--${boundary}`).slice(1);
    for (const section of sections) {
      if (section.startsWith("--")) break;
      collect(splitPart(section.replace(/^\r?\n/, "")), into);
    }
    return;
  }
  const disposition = part.headers.get("content-disposition") ?? "";
  if (/attachment/i.test(disposition)) {
    into.attachments.push(parameter(disposition, "filename") ?? "attachment");
  } else if (/^text\/html/i.test(type) && !into.html) {
    into.html = decodeBody(part);
  } else if (/^text\/plain/i.test(type) && !into.text) {
    into.text = decodeBody(part).replace(/\r\n/g, "\n");
  } else {
    into.attachments.push(parameter(type, "name") ?? type.split(";")[0] ?? "part");
  }
}

function parseMessage(raw: string, envelopeTo: string[]): SunkEmail {
  const top = splitPart(raw);
  const email: SunkEmail = {
    to: envelopeTo.map((address) => address.toLowerCase()),
    from: decodeHeader(top.headers.get("from") ?? ""),
    subject: decodeHeader(top.headers.get("subject") ?? ""),
    text: "",
    html: "",
    attachments: [],
    receivedAt: new Date().toISOString(),
  };
  collect(top, email);
  return email;
}

function start(): void {
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  let counter = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const email = parseMessage(
          Buffer.concat(chunks).toString("utf8"),
          session.envelope.rcptTo.map((recipient) => recipient.address),
        );
        const name = `${Date.now()}-${String(++counter).padStart(5, "0")}.json`;
        // Written under a temporary name, then renamed, so a reader never sees half a file.
        writeFileSync(path.join(DIR, `${name}.tmp`), JSON.stringify(email, null, 2));
        renameSync(path.join(DIR, `${name}.tmp`), path.join(DIR, name));
        callback();
      });
    },
  });
  server.on("error", (error) => console.error("[mail-sink]", error.message));
  server.listen(PORT, "127.0.0.1", () => console.log(`[mail-sink] listening on 127.0.0.1:${PORT}, writing to ${DIR}`));
  const stop = () => server.close(() => process.exit(0));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

start();
