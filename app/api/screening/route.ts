// GET /api/screening: the current health questionnaire and consent, for the booking page and integrations.
import { NextResponse } from "next/server";
import { describeQuestionnaire } from "@/lib/clinical/describe-questionnaire";
import { apiHandler } from "@/lib/http/api-error";

export const dynamic = "force-dynamic";

export const GET = apiHandler(async () => NextResponse.json(describeQuestionnaire()));
