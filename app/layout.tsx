import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { SCRIPTS_RUN_MARKER } from "@/lib/http/content-security-policy.mjs";
import { siteUrl } from "@/lib/site-url";
import { bodyFont, headingFont } from "./fonts";
import "./globals.css";
import { getClinic } from "@/lib/clinic/get-clinic";

export const metadata: Metadata = {
  metadataBase: siteUrl(),
  title: { default: `${getClinic().name}: ${getClinic().tagline}`, template: `%s | ${getClinic().name}` },
  description:
    "Calf massage in Brooklyn for legs that feel heavy, tight or tired, and clear, careful articles on the calf muscle pump, the body's second heart.",
  applicationName: getClinic().name,
};

export const viewport: Viewport = { themeColor: "#1d6b67", width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en-US" className={`${headingFont.variable} ${bodyFont.variable}`} suppressHydrationWarning>
      {/* Each route group brings its own frame: the public shell, or the staff shell (no marketing footer). */}
      <head>
        {/* Marks that scripts run, before first paint: the header hides its not-yet-known account link
            only then (without JavaScript it shows "Sign in"). The script policy allows it by its hash. */}
        <script dangerouslySetInnerHTML={{ __html: SCRIPTS_RUN_MARKER }} />
      </head>
      <body className="flex min-h-dvh flex-col">{children}</body>
    </html>
  );
}
