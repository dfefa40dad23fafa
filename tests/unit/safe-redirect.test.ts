import { describe, expect, it } from "vitest";

import { safeCallbackPath, safeRedirect } from "@/lib/auth/safe-redirect";

const BASE = "http://127.0.0.1:3000";

describe("sign-in redirects stay on this site", () => {
  it.each([
    ["/teams/1?tab=gaps#x", `${BASE}/teams/1?tab=gaps#x`],
    [`${BASE}/me`, `${BASE}/me`],
    ["https://evil.example/steal", `${BASE}/`],
    ["//evil.example", `${BASE}/`],
    ["/\\evil.example", `${BASE}/`],
    ["\\\\evil.example", `${BASE}/`],
    ["javascript:alert(1)", `${BASE}/`],
    ["http://127.0.0.1:3001/other-port", `${BASE}/`],
    ["", `${BASE}/`],
    [undefined, `${BASE}/`],
  ])("%s → %s", (input, expected) => {
    expect(safeRedirect(input, BASE)).toBe(expected);
  });

  it("keeps only the path of a callback kept in a query string", () => {
    expect(safeCallbackPath("/teams?x=1")).toBe("/teams?x=1");
    expect(safeCallbackPath("https://evil.example/x")).toBe("/");
    expect(safeCallbackPath(null)).toBe("/");
  });
});
