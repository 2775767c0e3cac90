import type { Metadata } from "next";
import { UnavailableMessage } from "@/components/layout/unavailable-message";

export const metadata: Metadata = { title: "Please try again in a minute", robots: { index: false } };

// Prerendered at build (it reads nothing): server.mjs sends this page's HTML, with status 503, in
// place of any page whose render failed because the database was unavailable.
export const dynamic = "force-static";

export default function UnavailablePage() {
  return <UnavailableMessage />;
}
