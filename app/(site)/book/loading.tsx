// While the booking page is prepared on the server: the page's frame, and a status line.
export default function BookLoading() {
  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:py-10">
      <h1 className="mb-4 text-3xl font-semibold text-teal-800 sm:text-4xl">Book a calf massage</h1>
      <p role="status" className="text-muted">
        Loading booking…
      </p>
      <div aria-hidden="true" className="mt-6 grid gap-3 md:grid-cols-2">
        {[0, 1, 2, 3].map((index) => (
          <div key={index} className="h-28 animate-pulse rounded-2xl bg-white ring-1 ring-teal-600/15" />
        ))}
      </div>
    </div>
  );
}
