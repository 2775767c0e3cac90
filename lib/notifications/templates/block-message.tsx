// Short account and staff messages written as a list of paragraphs and links ("blocks"), in the
// clinic's email frame. A link shows as a button and again as an address to copy, so it is in both
// the HTML and the plain-text part. If rendering fails, the same blocks go as plain text: a
// message whose point is its link (a password reset) still carries it.
import { Fragment } from "react";
import { getClinic } from "@/lib/clinic/get-clinic";
import { ActionLink, EmailLayout, Paragraph, greeting } from "./email-layout";
import { renderEmail, type RenderedEmail } from "./render-email";

export type MessageBlock = string | { link: string; label: string };

export interface BlockMessage {
  template: string;
  subject: string;
  heading: string;
  name: string | null;
  blocks: MessageBlock[];
}

const signature = [getClinic().name, `${getClinic().address}`, getClinic().phoneDisplay].join("\n");

function plainText(message: BlockMessage): RenderedEmail {
  return {
    subject: message.subject,
    text: [
      greeting(message.name),
      ...message.blocks.map((block) => (typeof block === "string" ? block : block.link)),
      signature,
    ].join("\n\n"),
  };
}

export function renderBlockMessage(message: BlockMessage): Promise<RenderedEmail> {
  const firstSentence = message.blocks.find((block): block is string => typeof block === "string") ?? message.heading;
  return renderEmail(
    message.template,
    () => ({
      subject: message.subject,
      body: (
        <EmailLayout preview={firstSentence} heading={message.heading}>
          <Paragraph>{greeting(message.name)}</Paragraph>
          {message.blocks.map((block, index) =>
            typeof block === "string" ? (
              <Paragraph key={index}>{block}</Paragraph>
            ) : (
              <Fragment key={index}>
                <ActionLink href={block.link}>{block.label}</ActionLink>
                <Paragraph>Or copy this address into your browser: {block.link}</Paragraph>
              </Fragment>
            ),
          )}
        </EmailLayout>
      ),
    }),
    () => plainText(message),
  );
}
