import { ButtonLink } from "@/components/ui/button";

// The public "page not found" message, without a frame: the root not-found wraps it in the public
// shell, and each route group's not-found shows it inside the group's own layout (no second header).
export function NotFoundMessage() {
  return (
    <div className="mx-auto max-w-xl px-4 py-20 text-center">
      <p className="font-semibold text-teal-700">404</p>
      <h1 className="mt-2 text-3xl font-semibold text-teal-800">We couldn&apos;t find that page</h1>
      <p className="mt-3 text-muted">The link may be old, or the page may have moved.</p>
      <div className="mt-8 flex flex-wrap justify-center gap-3">
        <ButtonLink href="/">Go to the home page</ButtonLink>
        <ButtonLink href="/learn" variant="secondary">
          Browse articles
        </ButtonLink>
      </div>
    </div>
  );
}
