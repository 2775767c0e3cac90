import { describe, expect, it } from "vitest";
import { getClinicIdentity } from "@/lib/clinic/clinic-identity";
import { getClinic } from "@/lib/clinic/get-clinic";
import { getEnv } from "@/lib/env";

describe("the clinic accessor", () => {
  it("gives the clinic's zone from its setting, with the identity every page and email shows", () => {
    const clinic = getClinic();
    expect(clinic.timeZone).toBe(getEnv().CLINIC_TIME_ZONE);
    expect(clinic).toMatchObject(getClinicIdentity());
  });

  it("writes the address and the opening hours in one line each", () => {
    const identity = getClinicIdentity();
    expect(identity.address).toBe("214 Atlantic Avenue, Brooklyn, NY 11201");
    expect(identity.openingHoursText).toBe(
      "Monday to Friday, 8 am to 7 pm; Saturday, 9 am to 3 pm. Closed Sundays and public holidays.",
    );
  });
});
