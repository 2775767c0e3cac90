"use client";

import { useEffect, useRef } from "react";

// After a submission, take keyboard and screen-reader users to what happened: the form's message
// (error or success), or else the first field that needs correcting (its error is announced with it).
export function useFocusOnResult(state: { formError?: string; message?: string; fieldErrors?: object }) {
  const formRef = useRef<HTMLFormElement>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.formError || state.message) messageRef.current?.focus();
    else if (state.fieldErrors) formRef.current?.querySelector<HTMLElement>("[aria-invalid='true']")?.focus();
  }, [state]);
  return { formRef, messageRef };
}
