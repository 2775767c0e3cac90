// A real SMTP server for tests (smtp-server) that keeps every message it accepts, split into its
// MIME parts (decoded), so a test can read the text, the HTML and the attachments as a mail client would.
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export interface MimePart {
  contentType: string;
  headers: Record<string, string>;
  body: string;
}

export interface ReceivedMail {
  to: string[];
  subject: string;
  /** The message's own headers (lower-case names), e.g. "message-id". */
  headers: Record<string, string>;
  parts: MimePart[];
}

export interface SmtpSink {
  url: string;
  received: ReceivedMail[];
  stop(): Promise<void>;
}

function parseHeaders(block: string): Record<string, string> {
  const headers: Record<string, string> = {};
  // Folded header lines continue with whitespace.
  for (const line of block.replace(/\r\n[ \t]+/g, " ").split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}

function decodeBody(body: string, encoding: string | undefined): string {
  switch ((encoding ?? "7bit").toLowerCase()) {
    case "base64":
      return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
    case "quoted-printable": {
      const bytes: number[] = [];
      const text = body.replace(/=\r\n/g, "");
      for (let index = 0; index < text.length; index++) {
        const hex = text.slice(index + 1, index + 3);
        if (text[index] === "=" && /^[0-9A-F]{2}$/i.test(hex)) {
          bytes.push(parseInt(hex, 16));
          index += 2;
        } else {
          bytes.push(...Buffer.from(text[index] as string, "utf8"));
        }
      }
      return Buffer.from(bytes).toString("utf8");
    }
    default:
      return body;
  }
}

/** The leaf parts of a MIME entity (multiparts opened recursively). */
export function mimeParts(raw: string): MimePart[] {
  const split = raw.indexOf("\r\n\r\n");
  const headers = parseHeaders(raw.slice(0, split));
  const body = raw.slice(split + 4);
  const contentType = headers["content-type"] ?? "text/plain";
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (contentType.toLowerCase().startsWith("multipart/") && boundary) {
    return body
      .split(`--${boundary}`)
      .slice(1, -1)
      .flatMap((part) => mimeParts(part.replace(/^\r\n/, "")));
  }
  return [{ contentType, headers, body: decodeBody(body.replace(/\r\n$/, ""), headers["content-transfer-encoding"]) }];
}

/** `delayMs`: how long the sink takes to accept each message, as a slow mail server would. */
export async function startSmtpSink({ delayMs = 0 }: { delayMs?: number } = {}): Promise<SmtpSink> {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const headers = parseHeaders(raw.slice(0, raw.indexOf("\r\n\r\n")));
        received.push({
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          subject: headers.subject ?? "",
          headers,
          parts: mimeParts(raw),
        });
        if (delayMs > 0) setTimeout(callback, delayMs);
        else callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
