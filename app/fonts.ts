// The site's two faces, self-hosted from @fontsource packages (no request leaves the site): Source
// Serif 4 for headings, Inter for text. Variable fonts, latin subset, one file each; next/font
// preloads them and sizes a fallback to match, so the page does not jump when they arrive.
import localFont from "next/font/local";

export const headingFont = localFont({
  src: "../node_modules/@fontsource-variable/source-serif-4/files/source-serif-4-latin-wght-normal.woff2",
  weight: "200 900",
  style: "normal",
  display: "swap",
  variable: "--font-heading",
  fallback: ["Georgia", "Times New Roman", "serif"],
});

export const bodyFont = localFont({
  src: "../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2",
  weight: "100 900",
  style: "normal",
  display: "swap",
  variable: "--font-body",
  fallback: ["system-ui", "Segoe UI", "Roboto", "Arial", "sans-serif"],
});
