// A plain GET form: search works with JavaScript switched off.
export function SearchForm({ defaultValue = "", autoFocus = false }: { defaultValue?: string; autoFocus?: boolean }) {
  return (
    <form action="/learn/search" method="get" role="search" className="flex w-full max-w-xl gap-2">
      <label htmlFor="learn-search" className="sr-only">
        Search articles
      </label>
      <input
        id="learn-search"
        type="search"
        name="q"
        defaultValue={defaultValue}
        maxLength={100}
        autoFocus={autoFocus}
        placeholder="Search: swelling, flights, self-massage…"
        className="min-h-11 flex-1 rounded-full border border-muted/40 bg-white px-4 text-base"
      />
      <button
        type="submit"
        className="min-h-11 rounded-full bg-teal-700 px-5 font-semibold text-white hover:bg-teal-800"
      >
        Search
      </button>
    </form>
  );
}
