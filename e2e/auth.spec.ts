import { expect, test } from "./fixtures";
import {
  DEMO_PASSWORD,
  expectNoSeriousA11yViolations,
  newClient,
  ownNetwork,
  readLatestEmail,
  signIn,
  signUp,
} from "./helpers";

test.describe("accounts", () => {
  test("a new client signs up, signs out, signs back in, and is refused the staff area @mobile", async ({
    page,
    browserErrors,
  }) => {
    browserErrors.allow(/status of 404/);
    const client = newClient();
    await signUp(page, client);
    await expect(page.getByRole("heading", { name: `Hello, ${client.name}` })).toBeVisible();
    await expect(page.getByText("You have no upcoming appointments.")).toBeVisible();

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/$/);
    await page.goto("/account");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount$/);

    await signIn(page, client.email, client.password);
    await expect(page.getByRole("heading", { name: `Hello, ${client.name}` })).toBeVisible();

    const staff = await page.goto("/staff");
    expect(staff?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "We couldn't find that page" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Staff" })).toHaveCount(0);
  });

  test("a bad sign-up keeps what was typed and explains each field", async ({ page }) => {
    await page.goto("/sign-up");
    await page.getByLabel("Your name").fill("Sam Example");
    await page.getByLabel("Email").fill("sam-at-example");
    await page.getByLabel("Password").fill("password123");
    await page.getByRole("button", { name: "Create account" }).click();

    await expect(page.getByText(/Enter a valid email address/)).toBeVisible();
    await expect(page.getByText(/too common/)).toBeVisible();
    await expect(page.getByLabel("Your name")).toHaveValue("Sam Example");
    await expect(page.getByLabel("Email")).toHaveValue("sam-at-example");
    await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  });

  test("a taken email gets the same answer as a new one, and its owner a notice instead of an account", async ({
    page,
    context,
  }) => {
    await context.setExtraHTTPHeaders(ownNetwork());
    const answerFor = async (email: string) => {
      await page.goto("/sign-up");
      await page.getByLabel("Your name").fill("Casey Again");
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill("harbour-lantern-meadow");
      await page.getByRole("button", { name: "Create account" }).click();
      const answer = page.getByRole("status").filter({ hasText: "Check your email" });
      await expect(answer).toBeVisible();
      return ((await answer.textContent()) ?? "").replace(email, "<email>");
    };
    const owner = newClient();
    await signUp(page, owner);
    await context.clearCookies();

    const taken = await answerFor(owner.email);
    await expectNoSeriousA11yViolations(page, "sign-up answer");
    expect(taken).toEqual(await answerFor(newClient().email));
    await expect(page.getByText(/already exists/)).toHaveCount(0);

    const notice = await readLatestEmail(owner.email, /Someone tried to create .* account with your email/);
    expect(notice.text).toMatch(/\/forgot-password/);
    expect(notice.text).not.toContain("Casey Again");
  });

  test("wrong password and unknown email get the same message", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill("client@clinic.test");
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    const formAlert = page.locator("form").getByRole("alert");
    await expect(formAlert).toBeVisible();
    const wrongPassword = await formAlert.textContent();

    await page.getByLabel("Email").fill("nobody-here@example.test");
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByLabel("Email")).toHaveValue("nobody-here@example.test");
    await expect(formAlert).toHaveText(wrongPassword ?? "");
    expect(wrongPassword).toContain("Email or password is incorrect.");
    await expect(page.getByLabel("Email")).toHaveValue("nobody-here@example.test");
  });

  test("a therapist lands on the staff schedule after signing in", async ({ page }) => {
    await signIn(page, "therapist@clinic.test", DEMO_PASSWORD, /\/staff$/);
    await expect(page.getByRole("banner").getByText("Signed in as Therapist")).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "Maya Lindqvist" })).toBeVisible();
  });

  test("a visitor sent to the staff area is asked to sign in first", async ({ page }) => {
    await page.goto("/staff");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fstaff$/);
  });
});

test("sign-in and sign-up forms post to their own page, never to an empty action, and sign in without JavaScript", async ({
  browser,
  request,
}) => {
  // React writes action="" for a Server Action form unless told its page (issue #21: the HTML
  // checker rejects an empty action); the return address goes with it.
  for (const path of ["/sign-in", "/sign-up", "/sign-in?callbackUrl=%2Fbook", "/sign-up?callbackUrl=%2Fbook"]) {
    const html = await (await request.get(path)).text();
    const forms = [...html.matchAll(/<form\b[^>]*>/g)].map((match) => match[0]);
    expect(forms, path).toHaveLength(1);
    expect(forms[0], path).toContain(` action="${path}"`);
  }

  const context = await browser.newContext({ javaScriptEnabled: false, extraHTTPHeaders: ownNetwork() });
  const page = await context.newPage();
  await page.goto("/sign-in?callbackUrl=%2Faccount%2Fprofile");
  await page.getByLabel("Email").fill("client@clinic.test");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("form").getByRole("alert")).toContainText("Email or password is incorrect.");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount%2Fprofile$/);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/account\/profile$/);
  await context.close();
});

test("signing out ends the session on the server: a copied cookie stops working", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const client = newClient();
  await signUp(page, client);
  const copied = await context.cookies();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/$/);

  const thief = await browser.newContext();
  await thief.addCookies(copied);
  const stolen = await thief.newPage();
  await stolen.goto("/account");
  await expect(stolen).toHaveURL(/\/sign-in/);
  await thief.close();
  await context.close();
});

test("a sign-in link cannot send people to another site", async ({ page }) => {
  await page.goto("/sign-in?callbackUrl=%2F%09%2Fevil.test");
  await page.getByLabel("Email").fill("client@clinic.test");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/account$/);

  // Signed in, /sign-in redirects at once: dot segments must not turn the link into //evil.test.
  for (const trick of ["/.//evil.test", "/%2e//evil.test", "/a/..//evil.test"]) {
    await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(trick)}`);
    await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/account$/);
  }
});

test("signing in marks the browser as a known device and keeps the session id off the session endpoint", async ({
  page,
  context,
}) => {
  const client = newClient();
  await signUp(page, client);

  const cookies = await context.cookies();
  const device = cookies.find((cookie) => cookie.name === "clinic.known-device");
  expect(device).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
  // APP_URL is http here; with an https APP_URL the cookies are Secure (tests/unit/auth-cookies.test.ts).
  expect(device?.secure).toBe(false);
  expect(cookies.find((cookie) => cookie.name === "authjs.session-token")).toMatchObject({ httpOnly: true });

  const response = await page.request.get("/api/auth/session");
  const body = (await response.json()) as { user?: { email?: string }; sid?: unknown };
  expect(body.user?.email).toBe(client.email);
  expect(body).not.toHaveProperty("sid");
});

test("sign-out through the Auth.js endpoint is refused from another origin", async ({ page }) => {
  const client = newClient();
  await signUp(page, client);
  const response = await page.request.post("/api/auth/signout", { headers: { origin: "https://evil.test" } });
  expect(response.status()).toBe(403);
  await page.goto("/account");
  await expect(page.getByRole("heading", { name: `Hello, ${client.name}` })).toBeVisible();
});

test("unknown API paths answer with the JSON error shape", async ({ request }) => {
  const response = await request.get("/api/no-such-thing");
  expect(response.status()).toBe(404);
  expect(await response.json()).toEqual({ error: { code: "not_found", message: "There is no such API endpoint." } });
});

test("health check reports the database", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok", db: "ok" });
  expect(response.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
});
