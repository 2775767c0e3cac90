import type { Metadata } from "next";
import { TwoFactorSettings } from "@/components/staff/two-factor-settings";
import { Alert } from "@/components/ui/alert";
import { getTwoFactorStatus } from "@/lib/auth/two-factor";
import { getEnv } from "@/lib/env";
import { requireStaffRoute } from "@/lib/auth/require-staff-route";
import { formatClinicDateTime } from "@/lib/time/clinic-time";
import {
  beginTotpEnrolmentAction,
  confirmTotpEnrolmentAction,
  disableTotpAction,
  generateRecoveryCodesAction,
} from "./actions";
import { getClinic } from "@/lib/clinic/get-clinic";

export const metadata: Metadata = { title: "Staff: security", robots: { index: false } };

type Props = { searchParams: Promise<{ required?: string }> };

// Every staff member's own two-factor sign-in. With REQUIRE_STAFF_MFA=true the other staff pages
// send people here until they have set it up.
export default async function StaffSecurityPage({ searchParams }: Props) {
  const user = await requireStaffRoute("/staff/security");
  const { required } = await searchParams;
  const env = getEnv();
  const status = await getTwoFactorStatus(user.id);
  return (
    <>
      <h1 className="text-3xl font-semibold text-teal-800">Security</h1>
      <p className="mt-2 max-w-2xl text-muted">
        Staff accounts open clients&apos; health records. Two-factor sign-in asks for a code from an authenticator app
        on your phone as well as your password, so a stolen password alone cannot open your account.
      </p>
      {env.REQUIRE_STAFF_MFA && !status.enabledAt ? (
        <div className="mt-6 max-w-2xl">
          <Alert tone={required ? "error" : "info"} title="Required by the clinic">
            Set up two-factor sign-in to continue: the other staff pages open once it is on.
          </Alert>
        </div>
      ) : null}
      <TwoFactorSettings
        status={{
          enabledAt: status.enabledAt ? formatClinicDateTime(status.enabledAt, getClinic().timeZone) : null,
          recoveryCodesLeft: status.recoveryCodesLeft,
          codesReplacedAt: status.codesReplacedAt
            ? formatClinicDateTime(status.codesReplacedAt, getClinic().timeZone)
            : null,
          pending: status.pending
            ? { manualKey: status.pending.manualKey, qrCodeDataUrl: status.pending.qrCodeDataUrl }
            : null,
        }}
        beginAction={beginTotpEnrolmentAction}
        confirmAction={confirmTotpEnrolmentAction}
        disableAction={disableTotpAction}
        generateAction={generateRecoveryCodesAction}
      />
    </>
  );
}
