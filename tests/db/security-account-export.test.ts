// The data export is the client's own: messages of an earlier holder of the same address (an account
// deleted, or moved to another email, whose address a newcomer then signed up with) are not theirs,
// and a message holding a private link (a password reset) is listed without its text, as on
// /account/messages: otherwise a stolen session could ask for a reset and read the link from the
// download, taking the account without ever knowing the password.
import { describe, expect, it } from "vitest";
import { deleteClientAccount } from "@/lib/account/delete-account";
import { exportAccountData } from "@/lib/account/export-account-data";
import { requestPasswordReset } from "@/lib/auth/request-password-reset";
import { prisma } from "@/lib/db";
import { ENGINE } from "../support/db-setup";
import { createUser, uniqueEmail } from "../support/factories";

describe(`security: account export (${ENGINE})`, () => {
  it("leaves out the messages of an earlier account that had the same address", async () => {
    const email = uniqueEmail("reused");
    const earlier = await createUser({ email });
    await prisma.emailOutbox.create({
      data: {
        toAddress: email,
        userId: earlier.id,
        subject: "Your appointment is confirmed",
        text: "Dear Earlier Holder, see you on Tuesday.",
        template: "booking-confirmed",
      },
    });
    await deleteClientAccount(earlier.id);
    const newcomer = await createUser({ email });

    const exported = await exportAccountData(newcomer.id);
    expect(JSON.stringify(exported?.messages)).not.toContain("Earlier Holder");
  });

  it("lists a password reset message without the link", async () => {
    const client = await createUser();
    await requestPasswordReset({ email: client.email }, `198.51.100.${Math.floor(Math.random() * 250) + 1}`);
    const sent = await prisma.emailOutbox.findFirstOrThrow({
      where: { userId: client.id, template: "account-password-reset" },
    });
    expect(sent.text).toContain("/reset-password/");

    const exported = await exportAccountData(client.id);
    const message = exported?.messages.find((item) => item.id === sent.id);
    expect(message?.subject).toBe(sent.subject);
    expect(JSON.stringify(exported)).not.toContain("/reset-password/");
  });
});
