// The frame every clinic email shares: the clinic's name as a heading, one message, and the clinic's
// address and phone number at the foot. Inline styles only (mail clients drop stylesheets), no
// images at all (nothing loads from a server, nothing is hidden behind "show images"), and colors
// that keep at least 4.5:1 contrast on white.
import { Body, Container, Head, Heading, Hr, Html, Link, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";
import { getClinic } from "@/lib/clinic/get-clinic";
import { SYMPTOM_ADVICE } from "@/lib/clinical/symptom-advice";

const colors = {
  text: "#1f2933", // 14.5:1 on white
  muted: "#4b5563", // 7.6:1 on white
  brand: "#0f5f59", // 7.3:1 on white; white text on it 7.3:1
  border: "#d1d5db",
  page: "#f3f4f6",
} as const;

const font = "-apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";

export function EmailLayout({
  preview,
  heading,
  children,
}: {
  /** The line a mail client shows after the subject in the inbox. */
  preview: string;
  heading: string;
  children: ReactNode;
}) {
  return (
    <Html lang="en" dir="ltr">
      <Head>
        <meta name="color-scheme" content="light" />
      </Head>
      <Preview>{preview}</Preview>
      <Body style={{ backgroundColor: colors.page, margin: 0, padding: "24px 0", fontFamily: font }}>
        <Container
          style={{
            backgroundColor: "#ffffff",
            border: `1px solid ${colors.border}`,
            borderRadius: "8px",
            maxWidth: "560px",
            padding: "24px",
          }}
        >
          <Text style={{ color: colors.brand, fontSize: "16px", fontWeight: 700, margin: "0 0 16px" }}>
            {getClinic().name}
          </Text>
          <Heading as="h1" style={{ color: colors.text, fontSize: "22px", lineHeight: "1.3", margin: "0 0 16px" }}>
            {heading}
          </Heading>
          <Section>{children}</Section>
          <Hr style={{ borderColor: colors.border, margin: "24px 0 16px" }} />
          <Text style={{ color: colors.muted, fontSize: "14px", lineHeight: "1.5", margin: 0 }}>
            {getClinic().name}
            <br />
            {getClinic().address}
            <br />
            <Link href={`tel:${getClinic().phone}`} style={{ color: colors.brand, textDecoration: "underline" }}>
              {getClinic().phoneDisplay}
            </Link>
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

export function Paragraph({ children }: { children: ReactNode }) {
  return (
    <Text style={{ color: colors.text, fontSize: "16px", lineHeight: "1.6", margin: "0 0 16px" }}>{children}</Text>
  );
}

/** A short heading inside a message, e.g. "Before you come". */
export function Subheading({ children }: { children: ReactNode }) {
  return (
    <Heading as="h2" style={{ color: colors.text, fontSize: "18px", lineHeight: "1.3", margin: "24px 0 8px" }}>
      {children}
    </Heading>
  );
}

/** The appointment's facts as a list of label and value ("When", "With", …). */
export function FactList({ facts }: { facts: readonly (readonly [label: string, value: string])[] }) {
  return (
    <Text style={{ color: colors.text, fontSize: "16px", lineHeight: "1.6", margin: "0 0 16px" }}>
      {facts.map(([label, value], index) => (
        <span key={label}>
          {index > 0 && <br />}
          <strong>{label}:</strong> {value}
        </span>
      ))}
    </Text>
  );
}

/** The message's main link, drawn as a button (a real link, so it works as text too). */
export function ActionLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Text style={{ margin: "8px 0 24px" }}>
      <Link
        href={href}
        style={{
          backgroundColor: colors.brand,
          borderRadius: "6px",
          color: "#ffffff",
          display: "inline-block",
          fontSize: "16px",
          fontWeight: 600,
          padding: "12px 20px",
          textDecoration: "none",
        }}
      >
        {children}
      </Link>
    </Text>
  );
}

export function InlineLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link href={href} style={{ color: colors.brand, textDecoration: "underline" }}>
      {children}
    </Link>
  );
}

/** A highlighted note (the symptom advice, a waived fee). */
export function SafetyNote({ children }: { children: ReactNode }) {
  return (
    <Section
      style={{
        borderLeft: `4px solid ${colors.brand}`,
        backgroundColor: "#f0fdfa",
        padding: "12px 16px",
        margin: "0 0 16px",
      }}
    >
      <Text style={{ color: colors.text, fontSize: "16px", lineHeight: "1.6", margin: 0 }}>{children}</Text>
    </Section>
  );
}

/**
 * The symptom advice every message that mentions symptoms carries: one-sided calf symptoms → a doctor
 * today, chest pain or sudden breathlessness → 911 (lib/clinical/symptom-advice.ts holds the words).
 */
export function SymptomAdvice({ children }: { children?: ReactNode }) {
  return (
    <SafetyNote>
      <strong>{SYMPTOM_ADVICE.sameDay}</strong> {SYMPTOM_ADVICE.emergency}
      {children ? <> {children}</> : null}
    </SafetyNote>
  );
}

/** The opening line of every message: the client's name when we have it. */
export const greeting = (name: string | null) => (name ? `Hello ${name},` : "Hello,");
