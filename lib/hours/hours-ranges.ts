// A therapist's week as the hours form types it, checked and turned into stored minutes. Pure, so the
// browser and the Server Action share it; each message names the input it belongs under
// ("hours.1.0.end"). The rules are at validateWeek.

import { readComputedFields, UNREADABLE_FORM_MESSAGE } from "@/lib/forms/computed-fields";
import { HIDDEN_CHARACTERS_MESSAGE, hasHiddenCharacters } from "@/lib/forms/text";

export const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;

const DAY_MINUTES = 24 * 60;
const LABEL_MAX = 60;

export type RangeKind = "hours" | "breaks";

export interface RangeInput {
  start: string;
  end: string;
  label?: string;
}

/** Index = weekday (0 = Sunday … 6 = Saturday), each a list of ranges as typed. */
export interface WeekInput {
  hours: RangeInput[][];
  breaks: RangeInput[][];
}

export interface WeeklyRange {
  weekday: number;
  startMinute: number;
  endMinute: number;
}

export interface WeeklyBreak extends WeeklyRange {
  label: string | null;
}

export interface WeeklySchedule {
  workingHours: WeeklyRange[];
  breaks: WeeklyBreak[];
}

export type WeekValidation =
  { ok: true; schedule: WeeklySchedule } | { ok: false; fieldErrors: Record<string, string[]> };

/** The form field a message belongs to: "hours.1.0.end" is Monday's first range, its end. */
export const rangeField = (kind: RangeKind, weekday: number, index: number, part: "start" | "end" | "label") =>
  `${kind}.${weekday}.${index}.${part}`;

/** "09:30" → 570; anything else (or an impossible time) → null. */
export function parseClockTime(value: string): number | null {
  const match = /^(\d{2}):(\d{2})$/.exec(value.trim());
  if (!match) return null;
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  if (hour > 23 || minute > 59) return null;
  return hour * 60 + minute;
}

/** Minutes after midnight → "HH:MM" for a time input; the end of the day (1440) is "00:00". */
export function formatClockTime(minute: number): string {
  const wrapped = minute % DAY_MINUTES;
  return `${String(Math.floor(wrapped / 60)).padStart(2, "0")}:${String(wrapped % 60).padStart(2, "0")}`;
}

/** "9:00 AM", "12:00 AM (midnight)" for the end of the day. */
export function formatRangeTime(minute: number): string {
  if (minute >= DAY_MINUTES) return "12:00 AM (midnight)";
  const hour = Math.floor(minute / 60);
  const twelve = hour % 12 === 0 ? 12 : hour % 12;
  return `${twelve}:${String(minute % 60).padStart(2, "0")} ${hour < 12 ? "AM" : "PM"}`;
}

export const formatRange = (range: { startMinute: number; endMinute: number }) =>
  `${formatRangeTime(range.startMinute)}–${formatRangeTime(range.endMinute)}`;

/** The week as stored → the form's typed values, ranges in order. */
export function weekInputOf(schedule: WeeklySchedule): WeekInput {
  const byDay = <T extends WeeklyRange>(ranges: T[], toInput: (range: T) => RangeInput) =>
    WEEKDAYS.map((_, weekday) =>
      ranges
        .filter((range) => range.weekday === weekday)
        .sort((a, b) => a.startMinute - b.startMinute)
        .map(toInput),
    );
  const times = (range: WeeklyRange) => ({
    start: formatClockTime(range.startMinute),
    end: formatClockTime(range.endMinute),
  });
  return {
    hours: byDay(schedule.workingHours, times),
    breaks: byDay(schedule.breaks, (range) => ({ ...times(range), label: range.label ?? "" })),
  };
}

// The names the form renders: a weekday 0-6, a row number without leading zeros, and a label on
// break rows only.
const FIELD_NAME = /^(?:hours\.([0-6])\.(0|[1-9]\d?)\.(start|end)|breaks\.([0-6])\.(0|[1-9]\d?)\.(start|end|label))$/;

/** The hours form's fields (name → value) as a WeekInput; names the form does not render are ignored. */
export function weekInputFromFields(fields: Iterable<[string, unknown]>): WeekInput {
  const week: WeekInput = { hours: WEEKDAYS.map(() => []), breaks: WEEKDAYS.map(() => []) };
  for (const [name, value] of fields) {
    const match = FIELD_NAME.exec(name);
    if (!match || typeof value !== "string") continue;
    const kind: RangeKind = match[1] !== undefined ? "hours" : "breaks";
    const [weekday, index, part] = (kind === "hours" ? match.slice(1, 4) : match.slice(4, 7)) as [
      string,
      string,
      keyof RangeInput,
    ];
    const day = week[kind][Number(weekday)] as RangeInput[];
    const position = Number(index);
    while (day.length <= position) day.push({ start: "", end: "" });
    (day[position] as RangeInput)[part] = value;
  }
  return week;
}

export type WeekForm =
  { ok: true; week: WeekInput } | { ok: false; formError?: string; fieldErrors: Record<string, string[]> };

/**
 * A submitted hours form as a WeekInput, or why not: a name under "hours." or "breaks." that the
 * form never renders refuses the form whole; a field sent twice or as a file gets a message.
 */
export function readWeekForm(fields: Iterable<[string, unknown]>): WeekForm {
  const read = readComputedFields(fields, {
    namespaces: ["hours", "breaks"],
    renders: (name) => FIELD_NAME.test(name),
  });
  if (read.unknownNames.length > 0) return { ok: false, formError: UNREADABLE_FORM_MESSAGE, fieldErrors: {} };
  if (Object.keys(read.fieldErrors).length > 0) return { ok: false, fieldErrors: read.fieldErrors };
  return { ok: true, week: weekInputFromFields(read.values) };
}

interface TypedRange extends WeeklyRange {
  index: number;
  label: string | null;
}

/**
 * A range ends after it starts (an end of 00:00 means midnight, the end of the day, since a time input
 * cannot type 24:00); ranges of one kind on one day do not overlap (touching is fine: 9-12 and 12-17
 * join up, as the availability engine reads them); every break lies inside that day's working hours.
 * A row left wholly empty is ignored, so the form can offer a spare row.
 */
export function validateWeek(input: WeekInput): WeekValidation {
  const fieldErrors: Record<string, string[]> = {};
  const fail = (field: string, message: string) => {
    (fieldErrors[field] ??= []).push(message);
  };
  const schedule: WeeklySchedule = { workingHours: [], breaks: [] };

  WEEKDAYS.forEach((dayName, weekday) => {
    const hours = readRanges("hours", weekday, input.hours[weekday] ?? [], fail);
    const breaks = readRanges("breaks", weekday, input.breaks[weekday] ?? [], fail);
    checkOverlaps("hours", weekday, hours, fail);
    checkOverlaps("breaks", weekday, breaks, fail);
    const windows = joinTouching(hours);
    for (const pause of breaks) {
      if (!windows.some(([start, end]) => start <= pause.startMinute && pause.endMinute <= end)) {
        fail(
          rangeField("breaks", weekday, pause.index, "start"),
          hours.length === 0
            ? `A break on ${dayName} needs working hours that day.`
            : `This break falls outside ${dayName}'s working hours.`,
        );
      }
    }
    for (const range of hours) {
      schedule.workingHours.push({ weekday, startMinute: range.startMinute, endMinute: range.endMinute });
    }
    for (const pause of breaks) {
      schedule.breaks.push({ weekday, startMinute: pause.startMinute, endMinute: pause.endMinute, label: pause.label });
    }
  });

  return Object.keys(fieldErrors).length > 0 ? { ok: false, fieldErrors } : { ok: true, schedule };
}

// The well-formed ranges of one day and kind, in order; a message for each bad one.
function readRanges(
  kind: RangeKind,
  weekday: number,
  rows: RangeInput[],
  fail: (field: string, message: string) => void,
): TypedRange[] {
  const ranges: TypedRange[] = [];
  rows.forEach((row, index) => {
    const field = (part: "start" | "end" | "label") => rangeField(kind, weekday, index, part);
    const label = row.label?.trim() ?? "";
    if (row.start.trim() === "" && row.end.trim() === "") {
      if (label !== "") fail(field("start"), "Enter the times of this break, or clear its label.");
      if (hasHiddenCharacters(row.label ?? "")) fail(field("label"), HIDDEN_CHARACTERS_MESSAGE);
      return;
    }
    const start = parseClockTime(row.start);
    const typedEnd = parseClockTime(row.end);
    if (start === null) fail(field("start"), "Enter a start time such as 09:00.");
    if (typedEnd === null) fail(field("end"), "Enter an end time such as 17:00.");
    if (hasHiddenCharacters(row.label ?? "")) fail(field("label"), HIDDEN_CHARACTERS_MESSAGE);
    else if (label.length > LABEL_MAX) fail(field("label"), `Use at most ${LABEL_MAX} characters.`);
    if (start === null || typedEnd === null) return;
    const end = typedEnd === 0 ? DAY_MINUTES : typedEnd;
    if (end <= start) {
      fail(field("end"), "This ends before it starts. Choose a later end time.");
      return;
    }
    ranges.push({
      weekday,
      index,
      startMinute: start,
      endMinute: end,
      label: kind === "breaks" && label ? label : null,
    });
  });
  return ranges.sort((a, b) => a.startMinute - b.startMinute || a.index - b.index);
}

function checkOverlaps(
  kind: RangeKind,
  weekday: number,
  sorted: TypedRange[],
  fail: (field: string, message: string) => void,
): void {
  for (let position = 1; position < sorted.length; position++) {
    const range = sorted[position] as TypedRange;
    const overlapped = sorted.slice(0, position).find((earlier) => earlier.endMinute > range.startMinute);
    if (overlapped) {
      fail(
        rangeField(kind, weekday, range.index, "start"),
        `This overlaps ${formatRange(overlapped)} on the same day. Join them into one range or move one.`,
      );
    }
  }
}

function joinTouching(sorted: TypedRange[]): [number, number][] {
  const joined: [number, number][] = [];
  for (const range of sorted) {
    const last = joined[joined.length - 1];
    if (last && range.startMinute <= last[1]) last[1] = Math.max(last[1], range.endMinute);
    else joined.push([range.startMinute, range.endMinute]);
  }
  return joined;
}
