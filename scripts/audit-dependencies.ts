// CI's dependency audit: fails on a high or critical advisory in a production dependency. When the
// advisory service cannot be reached (the registry mirror of an offline machine refuses the audit
// endpoint), it says so plainly and does not pretend the dependencies were checked.
import { spawnSync } from "node:child_process";
import { auditVerdict, type AuditReport } from "./audit-verdict";

const run = spawnSync("npm", ["audit", "--omit=dev", "--audit-level=high", "--json"], { encoding: "utf8" });
let report: AuditReport;
try {
  report = JSON.parse(run.stdout || "{}") as AuditReport;
} catch {
  console.error("npm audit printed something that is not JSON:", run.stdout.slice(0, 300));
  process.exit(1);
}
const verdict = auditVerdict(report);
console.log(`npm audit (production dependencies): ${verdict.summary}`);
if (verdict.outcome === "fail") {
  spawnSync("npm", ["audit", "--omit=dev", "--audit-level=high"], { stdio: "inherit" });
  process.exit(1);
}
