// The deployment suite's SMTP sink records each message's Message-ID as the workers' transport
// sends it (stable per outbox row), so the suite can count every row's deliveries.
import { describe, expect, it } from "vitest";
import { createSmtpTransport } from "@/lib/notifications/email-transport";
import { messageIdOf, startMessageSink } from "@/scripts/deploy/message-sink";
import { outboxIdOfMessageId } from "@/scripts/deploy/scenarios/outbox-burst";

describe("Message-ID", () => {
  it("is read from the header block only, folded or not", () => {
    expect(messageIdOf("Subject: x\r\nMessage-ID: <outbox-abc@clinic.test>\r\n\r\nMessage-ID: <body@x>")).toBe(
      "<outbox-abc@clinic.test>",
    );
    expect(messageIdOf("Message-Id:\r\n <outbox-def@clinic.test>\r\n\r\nbody")).toBe("<outbox-def@clinic.test>");
    expect(messageIdOf("Subject: none\r\n\r\nbody")).toBe("");
  });

  it("names the outbox row it was made for", () => {
    expect(outboxIdOfMessageId("<outbox-cmabc123@secondheart.clinic>")).toBe("cmabc123");
    expect(outboxIdOfMessageId("<something-else@secondheart.clinic>")).toBeNull();
  });
});

describe("SMTP sink", () => {
  it("records the Message-ID of each message the app's transport sends, a resend included", async () => {
    const sink = await startMessageSink({ port: 0 });
    try {
      const transport = createSmtpTransport(sink.url);
      const message = { id: "row1", toAddress: "client@example.test", subject: "Hi", text: "Hello", html: null };
      await transport.send(message);
      await transport.send({ ...message, id: "row2" });
      await transport.send(message);
      transport.close();
      expect(sink.messageIds.map(outboxIdOfMessageId)).toEqual(["row1", "row2", "row1"]);
    } finally {
      await sink.stop();
    }
  });
});
