// What the delete-account Server Action hands back to its form, and the word the client types to
// confirm. Success signs out and redirects, so only a refusal comes back here.
export const DELETE_CONFIRMATION_WORD = "DELETE";

export interface DeleteAccountState {
  ok: false;
  fieldErrors?: { password?: string[]; confirmation?: string[] };
  formError?: string;
}

export type DeleteAccountAction = (previous: DeleteAccountState, formData: FormData) => Promise<DeleteAccountState>;
