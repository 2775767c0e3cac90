// Reads a request body with a size limit, before anything is parsed or written: a body over the
// limit is a 413, a JSON body that is not JSON (or not declared as JSON) a 400. Validation of the
// shape is the caller's (zod).
import { ApiError } from "./api-error";

export const DEFAULT_BODY_LIMIT_BYTES = 16 * 1024;

/** The raw body as text, refused past `limitBytes` whatever Content-Length claims. */
export async function readBodyText(request: Request, limitBytes: number): Promise<string> {
  const tooLarge = () => new ApiError("payload_too_large", `The request body must be at most ${limitBytes} bytes.`);
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limitBytes) throw tooLarge();
  // The declared length can lie (or be absent with chunked encoding): count what actually arrives.
  const reader = request.body?.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      received += value.byteLength;
      if (received > limitBytes) {
        await reader.cancel();
        throw tooLarge();
      }
      chunks.push(value);
    }
  }
  return Buffer.concat(chunks).toString("utf8");
}

export async function readJsonBody(request: Request, limitBytes = DEFAULT_BODY_LIMIT_BYTES): Promise<unknown> {
  // A form can post text/plain that happens to be JSON; only a declared JSON body is read as one.
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(type)) {
    throw new ApiError("invalid_request", "Send the request body as JSON (Content-Type: application/json).");
  }
  const text = await readBodyText(request, limitBytes);
  if (text.trim() === "") throw new ApiError("invalid_request", "The request body must be a JSON object.");
  // PostgreSQL cannot store a NUL in text: refused here, whichever field carries it, not a 500 later.
  if (text.includes("\u0000") || /\\u0000/i.test(text)) {
    throw new ApiError("invalid_request", "The request body contains a NUL character, which no field accepts.");
  }
  let body: unknown;
  try {
    body = JSON.parse(text) as unknown;
  } catch {
    throw new ApiError("invalid_request", "The request body is not valid JSON.");
  }
  // Half of a surrogate pair ("\ud800") is valid JSON but no text: the database driver fails on it.
  if (hasLoneSurrogate(body)) {
    throw new ApiError("invalid_request", "The request body contains a broken character (half a surrogate pair).");
  }
  return body;
}

function hasLoneSurrogate(value: unknown): boolean {
  if (typeof value === "string") return !value.isWellFormed();
  if (Array.isArray(value)) return value.some(hasLoneSurrogate);
  if (value !== null && typeof value === "object") {
    return Object.entries(value).some(([key, field]) => !key.isWellFormed() || hasLoneSurrogate(field));
  }
  return false;
}
