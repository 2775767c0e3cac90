"use client";

// The health answers are health data: they stay in this tab's sessionStorage (never in the URL,
// never in a cookie) until the booking is paid, and the server checks them again when it books.
import { useSyncExternalStore } from "react";
import { CURRENT_QUESTIONNAIRE_VERSION } from "@/lib/clinical/questionnaire";

const KEY = "second-heart:booking-intake";
const CHANGE_EVENT = "second-heart:booking-intake-change";

/** The answers so far, for the current questionnaire version (a draft of another version is dropped). */
export interface IntakeDraft {
  answers?: Record<string, boolean>;
  medications?: string;
  notes?: string;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener(CHANGE_EVENT, onChange);
  window.addEventListener("storage", onChange);
  return () => {
    window.removeEventListener(CHANGE_EVENT, onChange);
    window.removeEventListener("storage", onChange);
  };
}

// Where storage is disabled, the answers live in memory until the page is left.
let memoryRaw: string | null = null;

function readRaw(): string | null {
  try {
    return window.sessionStorage.getItem(KEY);
  } catch {
    return memoryRaw;
  }
}

function parseDraft(raw: string | null): IntakeDraft {
  if (!raw) return {};
  try {
    const value: unknown = JSON.parse(raw);
    if (!value || typeof value !== "object") return {};
    const { version, ...draft } = value as IntakeDraft & { version?: unknown };
    return version === CURRENT_QUESTIONNAIRE_VERSION ? draft : {};
  } catch {
    return {};
  }
}

/**
 * The answers given so far in this tab. `ready` is false on the server and during hydration, when
 * the tab's storage cannot be read yet: show no verdict about the answers until it is true.
 */
export function useIntakeDraft(): { draft: IntakeDraft; ready: boolean } {
  const raw = useSyncExternalStore<string | null | undefined>(subscribe, readRaw, () => undefined);
  // The raw string is the snapshot, so this parse runs only when the answers change.
  return { draft: parseDraftMemo(raw ?? null), ready: raw !== undefined };
}

let lastRaw: string | null = null;
let lastDraft: IntakeDraft = {};
function parseDraftMemo(raw: string | null): IntakeDraft {
  if (raw !== lastRaw) {
    lastRaw = raw;
    lastDraft = parseDraft(raw);
  }
  return lastDraft;
}

export function saveIntakeDraft(draft: IntakeDraft): void {
  memoryRaw = JSON.stringify({ version: CURRENT_QUESTIONNAIRE_VERSION, ...draft });
  try {
    window.sessionStorage.setItem(KEY, memoryRaw);
  } catch {
    // Storage disabled: readRaw falls back to memoryRaw.
  }
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

export function clearIntakeDraft(): void {
  memoryRaw = null;
  try {
    window.sessionStorage.removeItem(KEY);
  } catch {
    // nothing to clear
  }
  window.dispatchEvent(new Event(CHANGE_EVENT));
}
