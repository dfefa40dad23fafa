// Errors the data-access layer throws on purpose. Anything else is unexpected
// and is reported to the client as a generic failure (never the raw message).

export class AppError extends Error {
  constructor(
    readonly code: "unauthenticated" | "forbidden" | "invalid" | "not_found" | "conflict",
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const unauthenticated = () => new AppError("unauthenticated", "Please sign in again.");
export const forbidden = (message = "You are not allowed to do this.") => new AppError("forbidden", message);
export const notFound = (message = "Not found.") => new AppError("not_found", message);
export const conflict = (message: string) => new AppError("conflict", message);
export const invalid = (message: string, fieldErrors?: Record<string, string[]>) =>
  new AppError("invalid", message, fieldErrors);
