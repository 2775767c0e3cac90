// Decodes Stripe's form encoding (`line_items[0][price_data][currency]=usd`, `expand[]=x`) into
// nested objects. Arrays stay objects keyed "0", "1", …: only the endpoint's schema knows whether
// `metadata[0]` is an array index or a metadata key, so it converts them (see formArray).
import { invalidRequest } from "./emulator-error";

export type FormValue = string | FormObject;
export interface FormObject {
  [key: string]: FormValue;
}

const KEY_PATTERN = /^([^[\]]+)((?:\[[^[\]]*\])*)$/;

function splitKey(rawKey: string): string[] {
  const match = KEY_PATTERN.exec(rawKey);
  if (!match || match[1] === undefined) throw invalidRequest(`Invalid parameter name: ${rawKey}`);
  const segments = [match[1]];
  for (const bracket of (match[2] ?? "").matchAll(/\[([^[\]]*)\]/g)) segments.push(bracket[1] ?? "");
  return segments;
}

function decodeComponent(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    throw invalidRequest(`Invalid URL encoding: ${text}`);
  }
}

function assignPath(target: FormObject, segments: string[], value: string, rawKey: string): void {
  let node = target;
  for (let index = 0; index < segments.length; index += 1) {
    // `expand[]=a&expand[]=b`: an empty index appends.
    const segment = segments[index] === "" ? String(Object.keys(node).length) : (segments[index] ?? "");
    if (index === segments.length - 1) {
      if (typeof node[segment] === "object") throw invalidRequest(`Invalid hash or array: ${rawKey}`, rawKey);
      node[segment] = value;
      return;
    }
    const next = node[segment];
    if (typeof next === "string") throw invalidRequest(`Invalid hash or array: ${rawKey}`, rawKey);
    node = next ?? (node[segment] = {});
  }
}

/**
 * Parses an `application/x-www-form-urlencoded` body or query string. An empty value means "unset"
 * in Stripe's API, so it is left out, as if the parameter had not been sent.
 */
export function parseFormParams(encoded: string): FormObject {
  const params: FormObject = {};
  for (const pair of encoded.split("&")) {
    if (pair === "") continue;
    const separator = pair.indexOf("=");
    const rawKey = decodeComponent(separator === -1 ? pair : pair.slice(0, separator));
    const value = separator === -1 ? "" : decodeComponent(pair.slice(separator + 1));
    if (value === "") continue;
    assignPath(params, splitKey(rawKey), value, rawKey);
  }
  return params;
}

/** Canonical text of parsed parameters (keys sorted), to tell whether two requests asked the same. */
export function canonicalizeParams(value: FormValue): string {
  if (typeof value === "string") return JSON.stringify(value);
  const keys = Object.keys(value).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalizeParams(value[key] ?? "")}`).join(",")}}`;
}
