// The address a sign-in or sign-up form posts to before its page's script has run. React renders a
// Server Action form with action="" unless useActionState is given a permalink, and the HTML checker
// rejects an empty action. The permalink is the page itself, with the return address it was given,
// so a submission without JavaScript lands on the same form, showing the action's answer.
export function authFormPermalink(page: "/sign-in" | "/sign-up", callbackUrl: string | undefined): string {
  return callbackUrl ? `${page}?callbackUrl=${encodeURIComponent(callbackUrl)}` : page;
}
