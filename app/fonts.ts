// The site's two faces, self-hosted from @fontsource packages (no request leaves the site): Source
// Serif 4 for headings, Inter for text.
import localFont from "next/font/local";

// Variable fonts, latin subset, one woff2 each; next/font preloads them and sizes a fallback to
// match (size-adjust and metric overrides on a local font), and `display: swap` paints the text in
// that fallback at once, so nothing waits for them and nothing jumps when they arrive (issue #21).
export const headingFont = localFont({
  src: "../node_modules/@fontsource-variable/source-serif-4/files/source-serif-4-latin-wght-normal.woff2",
  weight: "200 900",
  style: "normal",
  display: "swap",
  variable: "--font-heading",
  fallback: ["Georgia", "Times New Roman", "serif"],
  // The stand-in while the font loads is a serif sized to match it, not next/font's default Arial.
  adjustFontFallback: "Times New Roman",
});

export const bodyFont = localFont({
  src: "../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2",
  weight: "100 900",
  style: "normal",
  display: "swap",
  variable: "--font-body",
  fallback: ["system-ui", "Segoe UI", "Roboto", "Arial", "sans-serif"],
});
