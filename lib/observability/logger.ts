import pino from "pino";
import { getEnv } from "@/lib/env";

// Structured JSON logs. Secrets never reach them: cookies, authorization
// headers, tokens and secrets are redacted wherever they appear.
const globalForLog = globalThis as unknown as { __skillgridLog?: pino.Logger };

export function getLogger(): pino.Logger {
  globalForLog.__skillgridLog ??= pino({
    level: getEnv().LOG_LEVEL,
    base: { service: "skillgrid" },
    redact: {
      paths: ["*.cookie", "*.authorization", "*.token", "*.secret", "*.password", "*.sessionToken", "headers.cookie", "headers.authorization", "req.headers.cookie", "req.headers.authorization"],
      censor: "[redacted]",
    },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
  return globalForLog.__skillgridLog;
}
