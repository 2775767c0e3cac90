import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader } from "@/components/layout/site-header";
import { CLINIC } from "@/lib/clinic";
import { siteUrl } from "@/lib/site-url";
import "./globals.css";

export const metadata: Metadata = {
  metadataBase: siteUrl(),
  title: { default: `${CLINIC.name}: ${CLINIC.tagline}`, template: `%s | ${CLINIC.name}` },
  description:
    "Calf massage in Brooklyn for legs that feel heavy, tight or tired, and clear, careful articles on the calf muscle pump, the body's second heart.",
  applicationName: CLINIC.name,
};

export const viewport: Viewport = { themeColor: "#1d6b67", width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en-US">
      <body className="flex min-h-dvh flex-col">
        <SiteHeader />
        <main id="main" className="flex-1">
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
