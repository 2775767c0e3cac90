// What every scenario of the deployment suite works with: the running deployment, its database,
// signed-in clients, free slots to book, and the recorder its checks go to.
import type { Database } from "@/lib/db/create-client";
import type { DeploymentPorts, DeploymentSecrets } from "./deployment";
import type { MessageSink } from "./message-sink";
import type { ManagedProcess } from "./processes";
import type { Check } from "./report";

export interface SignedInClient {
  id: string;
  email: string;
  cookie: string;
}

export interface DeployContext {
  /** http://127.0.0.1:<port> of instance A and of instance B. */
  origins: [string, string];
  instances: [ManagedProcess, ManagedProcess];
  workers: ManagedProcess[];
  emulator: ManagedProcess;
  /** Starts a new emulator on the same port (after one was killed) and makes it ctx.emulator. */
  restartEmulator(): Promise<ManagedProcess>;
  /** Starts another worker with the deployment's settings. */
  startWorker(name: string): Promise<ManagedProcess>;
  ports: DeploymentPorts;
  secrets: DeploymentSecrets;
  databaseUrl: string;
  prisma: Database;
  sink: MessageSink;
  serviceSlug: string;
  therapistId: string;
  intake: unknown;
  /** The next n signed-in clients nobody has used yet. */
  takeClients(n: number): SignedInClient[];
  /** The next free start (ISO, clinic offset), at least three hours from any other handed out. */
  takeSlot(): string;
  record(check: Omit<Check, "scenario">): void;
  /** A line of figures, printed under the scenario's heading. */
  note(line: string): void;
}

export type Scenario = (ctx: DeployContext) => Promise<void>;

/** The statuses a held slot counts as taken in (the exclusion constraint's). */
export const LIVE_STATUSES = ["PENDING_PAYMENT", "CONFIRMED", "CHECKED_IN"] as const;
