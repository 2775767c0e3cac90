import type { Page } from "@playwright/test";
import { expect } from "./fixtures";
import { randomUUID } from "node:crypto";

export const DEMO_PASSWORD = "calf-demo-2026";

export const newClient = () => ({
  name: "Robin Test",
  email: `robin-${randomUUID().slice(0, 8)}@example.test`,
  password: "harbour-lantern-meadow",
});

/** Creates a new client through the sign-up form and waits for their account page. */
export async function signUp(page: Page, client: ReturnType<typeof newClient>): Promise<void> {
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill(client.name);
  await page.getByLabel("Email").fill(client.email);
  await page.getByLabel("Password").fill(client.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/account$/);
}

/** Signs in from /sign-in; clients land on /account, staff on /staff. */
export async function signIn(
  page: Page,
  email: string,
  password: string,
  landing: RegExp = /\/account$/,
): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(landing);
}
