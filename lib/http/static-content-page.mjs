// The public reading pages leave the production server as HTML and CSS, without React (issue #21):
// React's runtime and each page's RSC payload cost a phone on slow 4G about a second of LCP.
// Plain JavaScript (typed in the .d.mts beside it) because server.mjs runs without a build step.
import { SCRIPTS_RUN_MARKER } from "./content-security-policy.mjs";

// "/", the hub, its articles and topics, the services and each service, the privacy notice. Not
// /learn/search (rendered per request, for its query) nor anything under /book, /account or /staff.
const STATIC_CONTENT_PATH =
  /^\/(?:learn(?:\/topics\/[^/]+|\/(?!search$|topics$)[^/]+)?|services(?:\/[^/]+)?|privacy)?$/;

/** Whether the page at this address (path, with or without a query) leaves without React. */
export function isStaticContentPath(url) {
  const pathname = url.split(/[?#]/, 1)[0] ?? "";
  return STATIC_CONTENT_PATH.test(pathname);
}

// These pages are server components with nothing to hydrate but the header, yet Next.js's App
// Router has no per-page switch to leave its runtime out: react-dom and the router (about 130 KB
// gzip) and the page's RSC payload were loaded and run on every article, which cost a phone on slow
// 4G about a second of largest contentful paint and most of its blocking time. server.mjs already
// holds each page served from the prerender cache to hash its inline scripts
// (content-security-policy.mjs); for these paths it also passes the page through
// toStaticContentPage, which drops Next.js's scripts and adds one small inline island for what the
// header does with JavaScript:
//  - the account link: /api/me says who is signed in ("Sign in", "Account", or "Staff" and
//    "Account"), as components/layout/header-nav.tsx does on a hydrated page;
//  - the small-screen menu (a <details>, which opens and closes without JavaScript) also closes on
//    Escape and on a click outside it, as components/layout/mobile-menu.tsx does.
// Links from these pages are plain page loads; search is a GET form. Pages rendered per request
// (`next dev`, `next start`, a first render after a restart) keep their scripts and hydrate.
/** The header's island (see above), run at the end of the body. */
export const HEADER_ISLAND = `(function () {
  var header = document.querySelector("header");
  if (!header) return;
  var pending = header.querySelectorAll("a[data-pending]");
  function show(user) {
    pending.forEach(function (link) {
      link.removeAttribute("data-pending");
      link.classList.remove("js-pending-account");
      if (!user) return;
      if (user.role !== "CLIENT") {
        var staff = link.cloneNode(true);
        staff.setAttribute("href", "/staff");
        staff.textContent = "Staff";
        link.before(staff);
      }
      link.setAttribute("href", "/account");
      link.textContent = "Account";
    });
  }
  fetch("/api/me", { cache: "no-store" })
    .then(function (response) { return response.ok ? response.json() : { user: null }; })
    .then(function (body) { show(body.user || null); }, function () { show(null); });
  var menu = header.querySelector("details");
  if (!menu) return;
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || !menu.open) return;
    var active = document.activeElement;
    menu.open = false;
    if (!active || active === document.body || menu.contains(active)) menu.querySelector("summary").focus();
  });
  document.addEventListener("click", function (event) {
    if (menu.open && !menu.contains(event.target)) menu.open = false;
  });
  menu.addEventListener("click", function (event) {
    if (event.target instanceof Element && event.target.closest("nav a")) menu.open = false;
  });
})();`;

const SCRIPT_ELEMENT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const TYPE_ATTRIBUTE = /(?:^|\s)type\s*=\s*["']?([^"'\s>]+)/i;
// The preloads Next.js writes for its chunks: with the scripts gone they would only cost bandwidth.
const SCRIPT_PRELOAD = /<link\b(?=[^>]*\brel="(?:preload|modulepreload)")(?=[^>]*\bas="script")[^>]*\/?>/gi;
const MODULE_PRELOAD = /<link\b(?=[^>]*\brel="modulepreload")[^>]*\/?>/gi;

/**
 * The page without Next.js's scripts (files, RSC payload, bootstrap) and their preloads, with the
 * header's island before </body>. Kept: data scripts (JSON-LD) and the layout's SCRIPTS_RUN_MARKER,
 * which hides the account link until the island has asked who is signed in. HTML that is not a
 * whole page comes back unchanged.
 */
export function toStaticContentPage(html) {
  if (!/<\/body>/i.test(html)) return html;
  const withoutScripts = html
    .replace(SCRIPT_ELEMENT, (element, attributes, body) => {
      const type = TYPE_ATTRIBUTE.exec(attributes)?.[1]?.toLowerCase() ?? "";
      const runs = ["", "text/javascript", "application/javascript", "module"].includes(type);
      if (!runs) return element;
      if (!/\bsrc\s*=/i.test(attributes) && body === SCRIPTS_RUN_MARKER) return element;
      return "";
    })
    .replace(SCRIPT_PRELOAD, "")
    .replace(MODULE_PRELOAD, "");
  return withoutScripts.replace(/<\/body>/i, `<script>${HEADER_ISLAND}</script></body>`);
}
