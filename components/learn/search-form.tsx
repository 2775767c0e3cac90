// A plain GET form: search works with JavaScript switched off.
export function SearchForm({ defaultValue = "", autoFocus = false }: { defaultValue?: string; autoFocus?: boolean }) {
  return (
    <form action="/learn/search" method="get" role="search" className="flex w-full max-w-xl min-w-0 gap-2">
      <label htmlFor="learn-search" className="sr-only">
        Search articles
      </label>
      {/* min-w-0: a flex item will not shrink below its intrinsic width otherwise, and at 320px the
          button would be pushed off the screen. */}
      <input
        id="learn-search"
        type="search"
        name="q"
        defaultValue={defaultValue}
        maxLength={100}
        autoFocus={autoFocus}
        placeholder="Search: swelling, flights, self-massage…"
        className="min-h-11 min-w-0 flex-1 rounded-full border border-control bg-white px-4 text-base placeholder:text-placeholder"
      />
      <button
        type="submit"
        className="min-h-11 shrink-0 rounded-full bg-teal-700 px-5 font-semibold text-white hover:bg-teal-800"
      >
        Search
      </button>
    </form>
  );
}
