import { describe, expect, it } from "vitest";

import { scimOutcome } from "@/lib/scim/event-outcome";

describe("what a provisioning-log row says happened", () => {
  it("names a change by its method", () => {
    expect(scimOutcome({ method: "POST", status: 201, scimType: null })).toBe("created");
    expect(scimOutcome({ method: "PUT", status: 200, scimType: null })).toBe("replaced");
    expect(scimOutcome({ method: "PATCH", status: 204, scimType: null })).toBe("updated");
    expect(scimOutcome({ method: "DELETE", status: 204, scimType: null })).toBe("deleted");
  });

  it("names a refusal by its status and scimType", () => {
    expect(scimOutcome({ method: "GET", status: 401, scimType: null })).toBe("unauthorized");
    expect(scimOutcome({ method: "POST", status: 409, scimType: "uniqueness" })).toBe("conflict");
    expect(scimOutcome({ method: "GET", status: 400, scimType: "invalidFilter" })).toBe("invalidFilter");
    expect(scimOutcome({ method: "PATCH", status: 400, scimType: "noTarget" })).toBe("invalid");
    expect(scimOutcome({ method: "PUT", status: 412, scimType: null })).toBe("precondition");
    expect(scimOutcome({ method: "POST", status: 501, scimType: null })).toBe("unsupported");
    expect(scimOutcome({ method: "POST", status: 503, scimType: null })).toBe("failed");
  });
});
