"use client";

// Last resort when the root layout itself fails: plain HTML, no shared components.
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en-US">
      <body
        style={{ fontFamily: "system-ui, sans-serif", padding: "4rem 1rem", textAlign: "center", color: "#1c2b2d" }}
      >
        <h1>Something went wrong</h1>
        <p>Please try again in a moment. If it keeps happening, call the clinic on (718) 555-0142.</p>
        <button type="button" onClick={reset} style={{ padding: "0.75rem 1.5rem", borderRadius: "999px" }}>
          Try again
        </button>
      </body>
    </html>
  );
}
