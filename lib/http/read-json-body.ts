// Reads a JSON request body with a size limit, before anything is parsed or written: a body over
// the limit is a 413, one that is not JSON a 400. Validation of the shape is the caller's (zod).
import { ApiError } from "./api-error";

export const DEFAULT_BODY_LIMIT_BYTES = 16 * 1024;

export async function readJsonBody(request: Request, limitBytes = DEFAULT_BODY_LIMIT_BYTES): Promise<unknown> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limitBytes) throw new ApiError("payload_too_large", `The request body must be at most ${limitBytes} bytes.`);
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
        throw new ApiError("payload_too_large", `The request body must be at most ${limitBytes} bytes.`);
      }
      chunks.push(value);
    }
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (text.trim() === "") throw new ApiError("invalid_request", "The request body must be a JSON object.");
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError("invalid_request", "The request body is not valid JSON.");
  }
}
