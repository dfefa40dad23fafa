import { expect, type Browser } from "@playwright/test";
import addFormats from "ajv-formats";
import Ajv2020, { type ValidateFunction } from "ajv/dist/2020";

import { signInAs } from "../sign-in";

// The public API from outside: tokens made in the UI the way a developer
// makes them (/me/api, /org/api), and answers checked against the OpenAPI
// document the server itself serves.

type TokenRequest = { person: string; name: string; scopes?: string[]; service?: { teams?: string[] } };

/** A token created through the UI and read from the page that shows it once. */
export async function createTokenInUi(browser: Browser, req: TokenRequest): Promise<string> {
  const page = await browser.newPage();
  await signInAs(page, req.person, req.service ? "/org/api" : "/me/api");
  const form = page.getByRole("form", { name: "Create a token" });
  await form.getByLabel("Token name").fill(req.name);
  const labels: Record<string, RegExp> = { read: /^Read/, rate: /^Rate/, plan: /^Plan/, admin: /^Administer/ };
  for (const scope of req.scopes ?? []) await form.getByRole("checkbox", { name: labels[scope]! }).check();
  if (req.service?.teams) {
    await form.getByLabel("Only the teams chosen below").check();
    for (const team of req.service.teams) await form.getByRole("checkbox", { name: team, exact: true }).check();
  }
  await form.getByRole("button", { name: /^Create/ }).click();
  const reveal = page.getByLabel(`New token “${req.name}”`);
  await expect(reveal).toHaveValue(/^sg[ps]_/);
  const token = await reveal.inputValue();
  await page.close();
  return token;
}

export type OpenApi = {
  paths: Record<string, Record<string, { operationId: string; responses: Record<string, unknown> }>>;
  components: { schemas: Record<string, unknown> };
};

/** Validates answers against the served document: one validator per operation and status. */
export function contractChecker(doc: OpenApi) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: "doc", components: doc.components });
  const cache = new Map<string, ValidateFunction>();
  const rewrite = (value: unknown): unknown =>
    JSON.parse(JSON.stringify(value).replaceAll('"#/components/', '"doc#/components/'));
  return {
    /** Throws with ajv's errors when `body` is not what the document promises for this operation and status. */
    check(method: string, path: string, status: number, body: unknown): void {
      const operation = doc.paths[path]?.[method.toLowerCase()];
      if (!operation) throw new Error(`${method} ${path} is not in the OpenAPI document`);
      const response = operation.responses[String(status)] as
        { content?: { "application/json"?: { schema: unknown } } } | undefined;
      if (!response) throw new Error(`${method} ${path} does not document status ${status}`);
      const schema = response.content?.["application/json"]?.schema;
      if (!schema) {
        expect(body, `${method} ${path} ${status} has no body`).toBe("");
        return;
      }
      const key = `${method} ${path} ${status}`;
      let validate = cache.get(key);
      if (!validate) cache.set(key, (validate = ajv.compile(rewrite(schema) as object)));
      if (!validate(body)) throw new Error(`${key}: ${ajv.errorsText(validate.errors)}`);
    },
  };
}
