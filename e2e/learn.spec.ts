import { expect, test } from "./fixtures";
import { expectNoSeriousA11yViolations } from "./helpers";

test.describe("education hub", () => {
  test("from the home page to an article, found again by search, whose booking link lands on its service @mobile", async ({
    page,
    isMobile,
  }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: "A second heart in every calf" })).toBeVisible();
    await page.getByRole("link", { name: "Learn how it works" }).click();
    await expect(page).toHaveURL(/\/learn$/);

    await page
      .getByRole("link", { name: /DVT and pulmonary embolism/ })
      .first()
      .click();
    await expect(page).toHaveURL(/\/learn\/dvt-and-pulmonary-embolism$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("DVT and pulmonary embolism");
    await expect(page.getByRole("heading", { name: "When to seek care now" })).toBeVisible();
    await expect(page.getByText("Medical disclaimer").last()).toBeVisible();
    await expect(page.getByText(/Last reviewed/)).toBeVisible();

    // Search with a typo still finds it, with the match highlighted.
    await page.goto("/learn");
    const search = page.getByRole("searchbox", { name: "Search articles" });
    await search.fill("pulmonery embolsm");
    await search.press("Enter");
    await expect(page).toHaveURL(/\/learn\/search\?q=pulmonery\+embolsm/);
    const result = page
      .getByRole("listitem")
      .filter({ has: page.getByRole("link", { name: /DVT and pulmonary embolism/ }) });
    await expect(result).toBeVisible();
    await expect(result.locator("mark").first()).toBeVisible();
    await result.getByRole("link").first().click();

    const cta = page.getByRole("link", { name: "Book Long-Haul Legs" });
    if (!isMobile) await expect(cta).toBeVisible();
    await cta.click();
    await expect(page).toHaveURL(/\/services\/long-haul-legs$/);
    await expect(page.getByRole("heading", { level: 1, name: "Long-Haul Legs" })).toBeVisible();
    await expect(page.getByText("$90.00").filter({ visible: true }).first()).toBeVisible();
    await expect(page.getByRole("link", { name: "aftercare guide" })).toHaveAttribute(
      "href",
      "/learn/aftercare-long-haul-legs",
    );
  });

  test("an empty search suggests the sections", async ({ page }) => {
    await page.goto("/learn/search?q=zzzqqq");
    await expect(page.getByText("No articles match “zzzqqq”.")).toBeVisible();
    await expect(page.getByRole("link", { name: /Risks and warning signs/ })).toBeVisible();
  });

  test("a misspelt search says what it searched for instead", async ({ page }) => {
    await page.goto("/learn/search?q=circulaton");
    await expect(page.getByRole("status")).toContainText("Showing results for circulation");
    await expect(page.getByRole("listitem").first()).not.toContainText("|");
  });

  test("on a small screen an article's menu opens, and closes on Escape and on a click outside it", async ({
    page,
  }) => {
    // The article leaves the server without React (lib/http/static-content-page.mjs): the menu is a
    // <details>, and the header's island closes it as the hydrated menu does.
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto("/learn/calf-muscle-pump-second-heart");
    const menu = page.locator("header details");
    const toggle = menu.locator("summary");
    await toggle.click();
    await expect(menu.getByRole("link", { name: "Services" })).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(menu).not.toHaveAttribute("open");
    await expect(toggle).toBeFocused();
    await toggle.click();
    await expect(menu).toHaveAttribute("open");
    await page.locator("main").click({ position: { x: 8, y: 8 } });
    await expect(menu).not.toHaveAttribute("open");
  });

  test("search works without JavaScript", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/learn");
    await page.getByRole("searchbox", { name: "Search articles" }).fill("toe raises");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page.getByRole("link", { name: /Calf exercises/ })).toBeVisible();
    await context.close();
  });

  test("the hub and an article have no serious accessibility violations", async ({ page }) => {
    await page.goto("/learn");
    await expectNoSeriousA11yViolations(page, "/learn");
    await page.goto("/learn/calf-self-massage-step-by-step");
    await expectNoSeriousA11yViolations(page, "/learn/calf-self-massage-step-by-step");
    await page.goto("/learn/aftercare-sports-recovery");
    await expectNoSeriousA11yViolations(page, "/learn/aftercare-sports-recovery");
    await page.goto("/services/second-heart-massage-60");
    await expectNoSeriousA11yViolations(page, "/services/second-heart-massage-60");
  });

  test("articles carry their SEO tags and structured data", async ({ page }) => {
    await page.goto("/learn/calf-muscle-pump-second-heart");
    await expect(page).toHaveTitle(/^Uphill all the way.*\| Second Heart Calf Clinic$/);
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute(
      "href",
      /\/learn\/calf-muscle-pump-second-heart$/,
    );
    await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", /.{50,}/);
    await expect(page.locator('meta[property="og:type"]')).toHaveAttribute("content", "article");
    const jsonLd = await page.locator('script[type="application/ld+json"]').allTextContents();
    const types = jsonLd
      .flatMap((text) => [JSON.parse(text)].flat())
      .map((item: { "@type": unknown }) => item["@type"]);
    expect(types).toContainEqual(["Article", "MedicalWebPage"]);
    expect(types).toContain("BreadcrumbList");

    await page.goto("/");
    const home = await page.locator('script[type="application/ld+json"]').allTextContents();
    expect(home.map((text) => JSON.parse(text)["@type"])).toContain("HealthAndBeautyBusiness");
  });

  test("titles and descriptions are unique across articles", async ({ page, request }) => {
    const sitemap = await (await request.get("/sitemap.xml")).text();
    const articleUrls = [...sitemap.matchAll(/<loc>([^<]*\/learn\/(?!topics)[^<]+)<\/loc>/g)].map(
      (m) => new URL(m[1] as string).pathname,
    );
    expect(articleUrls.length).toBeGreaterThanOrEqual(10);
    const titles = new Set<string>();
    const descriptions = new Set<string>();
    for (const url of articleUrls) {
      await page.goto(url);
      titles.add(await page.title());
      descriptions.add((await page.locator('meta[name="description"]').getAttribute("content")) ?? "");
    }
    expect(titles.size).toBe(articleUrls.length);
    expect(descriptions.size).toBe(articleUrls.length);
  });
});

test("sitemap lists every article and service; robots keeps private pages out", async ({ request }) => {
  const sitemap = await (await request.get("/sitemap.xml")).text();
  expect(sitemap).toContain("/learn/dvt-and-pulmonary-embolism</loc>");
  expect(sitemap).toContain("/learn/aftercare-calf-reset</loc>");
  expect(sitemap).toContain("/services/long-haul-legs</loc>");
  const robots = await (await request.get("/robots.txt")).text();
  expect(robots).toMatch(/Disallow: \/staff/);
  expect(robots).toMatch(/Sitemap: .*\/sitemap\.xml/);
});

test("the services API lists the active catalogue", async ({ request }) => {
  const response = await request.get("/api/services");
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { services: { slug: string; price: { amount: number; currency: string } }[] };
  expect(body.services.length).toBeGreaterThanOrEqual(5);
  expect(body.services.find((s) => s.slug === "calf-reset-30")?.price).toEqual({ amount: 5500, currency: "usd" });
});

test("an unknown article or service is a 404", async ({ page, browserErrors }) => {
  browserErrors.allow(/status of 404/);
  expect((await page.goto("/learn/not-a-real-article"))?.status()).toBe(404);
  expect((await page.goto("/services/not-a-real-service"))?.status()).toBe(404);
});

test("the retired walking-breaks article redirects, permanently, to the article it was merged into", async ({
  page,
  request,
}) => {
  const response = await request.get("/learn/walking-breaks-five-minutes-an-hour", { maxRedirects: 0 });
  expect(response.status()).toBe(308);
  expect(response.headers().location).toBe("/learn/travel-and-desk-tips-for-your-legs");

  await page.goto("/learn/walking-breaks-five-minutes-an-hour");
  await expect(page).toHaveURL(/\/learn\/travel-and-desk-tips-for-your-legs$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Desk days and long trips");
  const sitemap = await (await request.get("/sitemap.xml")).text();
  expect(sitemap).not.toContain("walking-breaks-five-minutes-an-hour");
});

test("an aftercare guide opens with its summary and ends with its sources and an honest review line", async ({
  page,
}) => {
  await page.goto("/learn/aftercare-sports-recovery");
  const summary = page.getByRole("note", { name: "In short" });
  await expect(summary).toBeVisible();
  await expect(summary.getByRole("listitem")).toHaveCount(5);
  await expect(summary).toContainText("a doctor today");

  const sources = page.getByRole("region", { name: "Further reading" });
  await expect(sources.getByRole("listitem").first()).toBeVisible();
  expect(await sources.getByRole("listitem").count()).toBeGreaterThanOrEqual(2);
  await expect(sources).toContainText("Compartment syndrome — NHS");
  await expect(sources).toContainText(/Reviewed on .* by Daniel Okafor/);
  await expect(sources).toContainText("not been reviewed by a doctor");
  await expect(sources).toContainText(/Figures and thresholds checked against: .*Sports Injuries/);
  await expect(sources.locator("time")).toHaveAttribute("datetime", "2026-12-07");
  await expect(page.getByText(/medically reviewed/i)).toHaveCount(0);
});
