"use client";

// Once a booking is paid, the health answers kept in this tab have done their job: forget them.
import { useEffect } from "react";
import { clearIntakeDraft } from "./intake-storage";

export function ClearIntakeDraft() {
  useEffect(() => {
    clearIntakeDraft();
  }, []);
  return null;
}
