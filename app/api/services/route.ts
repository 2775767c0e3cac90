// GET /api/services: the active services, for integrations and the booking page.
import { NextResponse } from "next/server";
import { listActiveServices } from "@/lib/catalog/services";
import { apiHandler } from "@/lib/http/api-error";

export const dynamic = "force-dynamic";

export const GET = apiHandler(async () => {
  const services = await listActiveServices();
  return NextResponse.json({
    services: services.map((service) => ({
      slug: service.slug,
      name: service.name,
      summary: service.summary,
      durationMinutes: service.durationMinutes,
      price: { amount: service.priceCents, currency: service.currency },
      aftercareGuide: service.aftercareSlug ? `/learn/${service.aftercareSlug}` : null,
    })),
  });
});
