// Any /api path no other route handles: the documented JSON error, never an HTML page.
import { ApiError, errorResponse } from "@/lib/http/api-error";

export const dynamic = "force-dynamic";

function notFound(): Response {
  return errorResponse(new ApiError("not_found", "There is no such API endpoint."));
}

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
