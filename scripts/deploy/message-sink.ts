// The deployment suite's SMTP server: it accepts every message the workers send and records its
// Message-ID, so the suite can count each outbox row's deliveries (the transport gives every row a
// stable Message-ID, <outbox-<row id>@…>).
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export interface MessageSink {
  url: string;
  /** Message-IDs in arrival order (a message delivered twice appears twice). */
  messageIds: string[];
  stop(): Promise<void>;
}

/** The Message-ID header of a raw message, or "" when it has none. */
export function messageIdOf(raw: string): string {
  const end = raw.search(/\r?\n\r?\n/);
  const head = (end === -1 ? raw : raw.slice(0, end)).replace(/\r?\n[ \t]+/g, " ");
  const match = /^message-id:\s*(.+?)\s*$/im.exec(head);
  return match?.[1] ?? "";
}

/** port 0 picks a free one (tests); url says which. */
export async function startMessageSink(options: { port: number }): Promise<MessageSink> {
  const messageIds: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    // Two workers, each with a connection or two: plenty of room.
    maxClients: 50,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        messageIds.push(messageIdOf(Buffer.concat(chunks).toString("utf8")));
        callback();
      });
    },
  });
  server.on("error", (error) => console.error(`[sink] ${error.message}`));
  await new Promise<void>((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(options.port, "127.0.0.1", () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messageIds,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
