// What an API token may be used for. A token never grants more than its
// owner has: the scope only narrows which endpoints it reaches; the data
// layer then applies the owner's own permissions (lib/auth/api-token.ts).
export const API_SCOPES = ["read", "rate", "plan", "admin"] as const;
export type ApiScope = (typeof API_SCOPES)[number];

/** Personal tokens start with this; service tokens with SERVICE_TOKEN_PREFIX. */
export const PERSONAL_TOKEN_PREFIX = "sgp_";
export const SERVICE_TOKEN_PREFIX = "sgs_";

/** How long a token may live at most, in days (a year); a token without an expiry is allowed too. */
export const MAX_TOKEN_DAYS = 366;
