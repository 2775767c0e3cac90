import type { Ref } from "react";
import { Alert } from "@/components/ui/alert";

// The one line a profile or security form shows after a submission: what went wrong, or what happened.
export function FormResult({
  state,
  messageRef,
}: {
  state: { formError?: string; message?: string };
  messageRef: Ref<HTMLDivElement>;
}) {
  if (state.formError) {
    return (
      <Alert ref={messageRef} tabIndex={-1} tone="error">
        {state.formError}
      </Alert>
    );
  }
  if (state.message) {
    return (
      <Alert ref={messageRef} tabIndex={-1} tone="info">
        {state.message}
      </Alert>
    );
  }
  return null;
}
