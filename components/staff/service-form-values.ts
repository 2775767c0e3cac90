// The service form's typed values for a new service, or as a saved service stands (cents back to
// dollars, lists one item a line).
import type { ServiceFormValues } from "./service-form";

export const NEW_SERVICE_VALUES: ServiceFormValues = {
  name: "",
  slug: "",
  summary: "",
  description: "",
  price: "",
  durationMinutes: "60",
  bufferMinutes: "10",
  aftercareSlug: "",
  therapistIds: [],
  whoItHelps: "",
  whatToExpect: "",
  contraindications: "",
  freeCancellationHours: "24",
  lateCancellationRefundPercent: "0",
};

export function serviceFormValuesOf(service: {
  name: string;
  slug: string;
  summary: string;
  description: string;
  priceCents: number;
  durationMinutes: number;
  bufferMinutes: number;
  aftercareSlug: string | null;
  therapistIds: string[];
  whoItHelps: string[];
  whatToExpect: string[];
  contraindications: string[];
  freeCancellationHours: number;
  lateCancellationRefundPercent: number;
}): ServiceFormValues {
  return {
    name: service.name,
    slug: service.slug,
    summary: service.summary,
    description: service.description,
    price: (service.priceCents / 100).toFixed(2),
    durationMinutes: String(service.durationMinutes),
    bufferMinutes: String(service.bufferMinutes),
    aftercareSlug: service.aftercareSlug ?? "",
    therapistIds: service.therapistIds,
    whoItHelps: service.whoItHelps.join("\n"),
    whatToExpect: service.whatToExpect.join("\n"),
    contraindications: service.contraindications.join("\n"),
    freeCancellationHours: String(service.freeCancellationHours),
    lateCancellationRefundPercent: String(service.lateCancellationRefundPercent),
  };
}
