// SCIM's own error format (RFC 7644 §3.12): every refusal on /scim/v2 is a
// JSON body with the HTTP status as a string and, for 400 and 409, a
// `scimType` that tells the IdP what kind of problem it was.

export const SCIM_ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";

export type ScimType =
  | "invalidFilter"
  | "tooMany"
  | "uniqueness"
  | "mutability"
  | "invalidSyntax"
  | "invalidPath"
  | "noTarget"
  | "invalidValue"
  | "invalidVers"
  | "sensitive";

export class ScimError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly scimType?: ScimType,
    /** Seconds after which the same request may pass (429, 503). */
    readonly retryAfter?: number,
  ) {
    super(detail);
    this.name = "ScimError";
  }
}

export const scimInvalidFilter = (detail: string) => new ScimError(400, detail, "invalidFilter");
export const scimInvalidValue = (detail: string) => new ScimError(400, detail, "invalidValue");
export const scimInvalidSyntax = (detail: string) => new ScimError(400, detail, "invalidSyntax");
export const scimInvalidPath = (detail: string) => new ScimError(400, detail, "invalidPath");
export const scimNoTarget = (detail: string) => new ScimError(400, detail, "noTarget");
export const scimMutability = (detail: string) => new ScimError(400, detail, "mutability");
export const scimUniqueness = (detail: string) => new ScimError(409, detail, "uniqueness");
export const scimNotFound = (detail = "No such resource.") => new ScimError(404, detail);

export function scimErrorBody(e: ScimError) {
  return {
    schemas: [SCIM_ERROR_SCHEMA],
    status: String(e.status),
    ...(e.scimType ? { scimType: e.scimType } : {}),
    detail: e.detail,
  };
}
