"use client";

// Free times from GET /api/availability for a service (and optionally one therapist) over a range
// of clinic days. Loading, failure and a retry are part of the answer, so every step can show them.
import { useCallback, useEffect, useState } from "react";
import type { AvailabilityResponse, Slot } from "./slot-times";

export interface AvailabilityQuery {
  service: string;
  therapistId?: string; // omitted for "any therapist"
  from: string;
  to: string;
}

export type AvailabilityState =
  { status: "loading" } | { status: "error"; message: string } | { status: "ready"; slots: Slot[]; timeZone: string };

interface Settled {
  key: string;
  state: Exclude<AvailabilityState, { status: "loading" }>;
}

export function availabilityUrl(query: AvailabilityQuery): string {
  const params = new URLSearchParams({ service: query.service, from: query.from, to: query.to });
  if (query.therapistId) params.set("therapist", query.therapistId);
  return `/api/availability?${params.toString()}`;
}

const FAILED = "We couldn't load the free times. Check your connection and try again.";

async function fetchAvailability(url: string, signal: AbortSignal): Promise<Settled["state"]> {
  const response = await fetch(url, { signal, cache: "no-store", headers: { accept: "application/json" } });
  const body = (await response.json().catch(() => null)) as
    (AvailabilityResponse & { error?: undefined }) | { error?: { message?: string } } | null;
  if (!response.ok || !body || !("slots" in body) || !Array.isArray(body.slots)) {
    // The API's own words for a request it refused (an unknown service, a range too long); ours otherwise.
    const message = response.status < 500 && body?.error?.message ? body.error.message : FAILED;
    return { status: "error", message };
  }
  return { status: "ready", slots: body.slots, timeZone: body.timeZone };
}

/** `query` null means "not yet" (nothing is fetched). */
export function useAvailability(query: AvailabilityQuery | null): {
  state: AvailabilityState;
  /** The last answer that loaded, kept while a new query loads (so a calendar need not blank out). */
  previous?: Extract<AvailabilityState, { status: "ready" }>;
  retry: () => void;
} {
  const [attempt, setAttempt] = useState(0);
  const [settled, setSettled] = useState<Settled | null>(null);
  const url = query ? availabilityUrl(query) : null;
  const key = url ? `${url}#${attempt}` : null;

  useEffect(() => {
    if (!url || !key) return;
    const controller = new AbortController();
    fetchAvailability(url, controller.signal)
      .then((state) => setSettled({ key, state }))
      .catch(() => {
        // A network failure, not a bug: say so and offer a retry. An abort means the query changed.
        if (!controller.signal.aborted) setSettled({ key, state: { status: "error", message: FAILED } });
      });
    return () => controller.abort();
  }, [url, key]);

  const retry = useCallback(() => setAttempt((value) => value + 1), []);
  const state: AvailabilityState = settled && settled.key === key ? settled.state : { status: "loading" };
  const previous = settled?.state.status === "ready" ? settled.state : undefined;
  return { state, previous, retry };
}
