import { describe, expect, it } from "vitest";

import { getEnv, resetEnvCache } from "@/lib/env";

import { restoreEnvAfterEach } from "../support/env";

describe("environment", () => {
  restoreEnvAfterEach();

  it("treats empty variables as unset (compose files pass VAR= for optional settings)", () => {
    Object.assign(process.env, { OIDC_ISSUER: "", METRICS_TOKEN: "", DATABASE_URL: "", ALLOWED_EMAIL_DOMAINS: "" });
    resetEnvCache();
    const env = getEnv();
    expect(env.OIDC_ISSUER).toBeUndefined();
    expect(env.METRICS_TOKEN).toBeUndefined();
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.ALLOWED_EMAIL_DOMAINS).toEqual([]);
  });

  it("names the variable that is invalid", () => {
    process.env.OIDC_ISSUER = "not a url";
    resetEnvCache();
    expect(() => getEnv()).toThrow(/OIDC_ISSUER/);
  });

  it("parses lists case-insensitively", () => {
    process.env.ADMIN_EMAILS = " Boss@Acme.test , ops@acme.test,";
    resetEnvCache();
    expect(getEnv().ADMIN_EMAILS).toEqual(["boss@acme.test", "ops@acme.test"]);
  });
});
