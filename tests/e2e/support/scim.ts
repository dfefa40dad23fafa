/* eslint-disable @typescript-eslint/no-explicit-any -- SCIM resources are open JSON documents, checked field by field. */
import { expect, type Page } from "@playwright/test";

import type { ScimSend } from "../../support/scim-conformance";

// What an admin and an IdP do to connect: a token created on /org/directory
// (the page is the only way to get one), then SCIM requests over HTTP to the
// production build with it as the bearer.

/** Creates a SCIM token on /org/directory as the signed-in admin and returns it (shown once). */
export async function createScimTokenInUi(page: Page, name: string): Promise<string> {
  await page.goto("/org/directory");
  await page.getByLabel("Token name").fill(name);
  await page.getByRole("button", { name: "Create token" }).click();
  const reveal = page.getByLabel(`New token “${name}”`);
  await expect(reveal).toHaveValue(/^sgscim_/);
  const token = await reveal.inputValue();
  await page.getByRole("button", { name: "I have copied it" }).click();
  return token;
}

/** SCIM over HTTP, as an IdP sends it. */
export function scimOverHttp(baseURL: string, token: string | null, extra: Record<string, string> = {}): ScimSend {
  return async (method, path, body, headers = {}) => {
    const response = await fetch(`${baseURL}/scim/v2${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { "content-type": "application/scim+json" } : {}),
        ...extra,
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
    const text = await response.text();
    let json: any = undefined;
    if (text) json = JSON.parse(text);
    return { status: response.status, header: (n: string) => response.headers.get(n), json };
  };
}
