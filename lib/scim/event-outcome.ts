// What a provisioning-log row says happened, as a message key the page
// translates (the stored detail is the protocol's English, kept for the
// technical view).

export type ScimOutcome =
  | "created"
  | "replaced"
  | "updated"
  | "deleted"
  | "unauthorized"
  | "forbidden"
  | "notFound"
  | "conflict"
  | "invalid"
  | "invalidFilter"
  | "precondition"
  | "tooLarge"
  | "rateLimited"
  | "unsupported"
  | "failed";

const REFUSALS: Record<number, ScimOutcome> = {
  401: "unauthorized",
  403: "forbidden",
  404: "notFound",
  405: "unsupported",
  409: "conflict",
  412: "precondition",
  413: "tooLarge",
  429: "rateLimited",
  501: "unsupported",
};

export function scimOutcome(event: { method: string; status: number; scimType: string | null }): ScimOutcome {
  if (event.status < 400) {
    if (event.method === "POST") return "created";
    if (event.method === "PUT") return "replaced";
    if (event.method === "DELETE") return "deleted";
    return "updated";
  }
  if (event.status === 400) return event.scimType === "invalidFilter" ? "invalidFilter" : "invalid";
  return REFUSALS[event.status] ?? "failed";
}
