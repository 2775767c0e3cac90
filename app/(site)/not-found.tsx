import type { Metadata } from "next";
import { NotFoundMessage } from "@/components/layout/not-found-message";

export const metadata: Metadata = { title: "Page not found", robots: { index: false } };

// notFound() inside this group: its layout already draws the public shell.
export default function GroupNotFound() {
  return <NotFoundMessage />;
}
