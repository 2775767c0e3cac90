// Any /api path no other route handles: the documented JSON error, never an HTML page. Through
// apiHandler like every route, so a POST from another site is a 403 here too.
import { ApiError, apiHandler } from "@/lib/http/api-error";

export const dynamic = "force-dynamic";

const notFound = apiHandler(async (): Promise<Response> => {
  throw new ApiError("not_found", "There is no such API endpoint.");
});

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
