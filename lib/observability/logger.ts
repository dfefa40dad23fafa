import pino from "pino";

import { getEnv } from "@/lib/env";

import { describeError } from "./describe-error";

// Structured JSON logs. Secrets never reach them: cookies, authorization
// headers, tokens and secrets are redacted wherever they appear. An error
// logged as `err` goes through describeError (./describe-error), never out as
// it is: a database error's message holds the statement's bound values.
const globalForLog = globalThis as unknown as { __skillgridLog?: pino.Logger };

const options = (): pino.LoggerOptions => ({
  level: getEnv().LOG_LEVEL,
  base: { service: "skillgrid" },
  redact: {
    paths: [
      "*.cookie",
      "*.authorization",
      "*.token",
      "*.secret",
      "*.password",
      "*.sessionToken",
      "headers.cookie",
      "headers.authorization",
      "req.headers.cookie",
      "req.headers.authorization",
    ],
    censor: "[redacted]",
  },
  serializers: { err: describeError },
  timestamp: pino.stdTimeFunctions.isoTime,
});

export function getLogger(): pino.Logger {
  globalForLog.__skillgridLog ??= pino(options());
  return globalForLog.__skillgridLog;
}

/** Tests read what is logged: the same logger, configured the same way, writing to stream. */
export function setLogDestination(stream: pino.DestinationStream): void {
  globalForLog.__skillgridLog = pino(options(), stream);
}

/** Back to standard output. */
export function resetLogDestination(): void {
  globalForLog.__skillgridLog = undefined;
}
