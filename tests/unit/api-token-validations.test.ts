import { describe, expect, it } from "vitest";

import {
  createPersonalTokenSchema,
  createServiceTokenSchema,
  usableScopes,
  usableServiceScopes,
} from "@/lib/validations/api-tokens";

describe("API token inputs", () => {
  it("offers plan to admins and team leads, admin to admins only", () => {
    expect(usableScopes({ role: "member", leadTeamIds: [] })).toEqual(["read", "rate"]);
    expect(usableScopes({ role: "manager", leadTeamIds: [] })).toEqual(["read", "rate"]);
    expect(usableScopes({ role: "member", leadTeamIds: ["t"] })).toEqual(["read", "rate", "plan"]);
    expect(usableScopes({ role: "admin", leadTeamIds: [] })).toEqual(["read", "rate", "plan", "admin"]);
  });

  it("a service token on some teams is never offered the admin scope", () => {
    expect(usableServiceScopes(null)).toContain("admin");
    expect(usableServiceScopes(["t"])).not.toContain("admin");
  });

  it("expires in 90 days unless told; null means until revoked; 1..366 otherwise", () => {
    const parse = (v: unknown) =>
      createPersonalTokenSchema.safeParse({ name: "n", scopes: ["read"], expiresInDays: v });
    expect(createPersonalTokenSchema.parse({ name: "n", scopes: ["read"] }).expiresInDays).toBe(90);
    expect(parse(null).data?.expiresInDays).toBeNull();
    expect(parse(366).success).toBe(true);
    for (const bad of [0, 367, 1.5, "30"]) expect(parse(bad).success, String(bad)).toBe(false);
  });

  it("dedupes scopes and refuses none, unknown ones and extra fields", () => {
    expect(createPersonalTokenSchema.parse({ name: "n", scopes: ["read", "read"] }).scopes).toEqual(["read"]);
    expect(createPersonalTokenSchema.safeParse({ name: "n", scopes: [] }).success).toBe(false);
    expect(createPersonalTokenSchema.safeParse({ name: "n", scopes: ["write"] }).success).toBe(false);
    expect(createPersonalTokenSchema.safeParse({ name: "n", scopes: ["read"], teamIds: null }).success).toBe(false);
    expect(createPersonalTokenSchema.safeParse({ name: " ", scopes: ["read"] }).success).toBe(false);
  });

  it("a service token names the whole org (null) or at least one team", () => {
    const base = { name: "BI", scopes: ["read"] };
    expect(createServiceTokenSchema.safeParse({ ...base, teamIds: null }).success).toBe(true);
    expect(createServiceTokenSchema.safeParse({ ...base, teamIds: [] }).success).toBe(false);
    expect(createServiceTokenSchema.safeParse({ ...base }).success).toBe(false);
    expect(createServiceTokenSchema.safeParse({ ...base, teamIds: ["not-a-uuid"] }).success).toBe(false);
  });
});
