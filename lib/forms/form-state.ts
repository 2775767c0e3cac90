// What a Server Action form gets back: field messages, a form-level message, and the values typed
// (never the password), so nothing is lost on a bad submission.
import { noteDatabaseUnavailable, UNAVAILABLE_MESSAGE } from "@/lib/http/unavailable";

export interface FormState<Values extends Record<string, string>> {
  ok: boolean;
  fieldErrors?: Partial<Record<keyof Values | "password", string[]>>;
  formError?: string;
  values?: Partial<Values>;
}

/**
 * Runs a Server Action's work; when the database cannot serve it (down, saturated, timed out), the
 * form shows a calm "try again in a minute" in its usual message area instead of the error page.
 * The failure was already logged (folded) where the driver raised it; anything else is rethrown.
 */
export async function unlessDatabaseUnavailable<State extends { ok: boolean; formError?: string }>(
  work: Promise<State>,
): Promise<State>;
/** The same for a form whose state has another shape: `whenUnavailable` builds it from the message. */
export async function unlessDatabaseUnavailable<State>(
  work: Promise<State>,
  whenUnavailable: (message: string) => State,
): Promise<State>;
export async function unlessDatabaseUnavailable<State>(
  work: Promise<State>,
  whenUnavailable = (message: string) => ({ ok: false, formError: message }) as State,
): Promise<State> {
  try {
    return await work;
  } catch (error) {
    if (!noteDatabaseUnavailable(error)) throw error;
    return whenUnavailable(UNAVAILABLE_MESSAGE);
  }
}
