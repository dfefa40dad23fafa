import { z } from "zod";

// The only module that reads process.env. Everything else asks getEnv().
const csv = z
  .string()
  .optional()
  .transform((v) =>
    (v ?? "")
      .split(",")
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean),
  );

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .url()
    .optional()
    .or(z.literal("").transform(() => undefined)),
  // PostgreSQL only: the role that owns the tables and runs migrations, when
  // DATABASE_URL's role should only read and write (README "Two database roles").
  MIGRATION_DATABASE_URL: z
    .string()
    .url()
    .optional()
    .or(z.literal("").transform(() => undefined)),
  PGLITE_DIR: z.string().min(1).default("./.data/pglite"),
  // The embedded database refuses writes below this much free space in
  // PGLITE_DIR (two 16 MB WAL segments and headroom), and refuses to start.
  PGLITE_MIN_FREE_MB: z.coerce.number().int().min(0).max(1_000_000).default(48),
  // Exit (for a supervisor to restart the process) when the embedded database fails for good.
  EXIT_ON_DATABASE_FAILURE: z
    .enum(["0", "1", "true", "false"])
    .optional()
    .transform((v) => v === "1" || v === "true"),
  DEFAULT_LOCALE: z.enum(["zh-TW", "en"]).default("en"),
  SEED_DEMO: z
    .enum(["0", "1", "true", "false"])
    .optional()
    .transform((v) => v === "1" || v === "true"),
  // SSO (OpenID Connect). See README "Configuring your identity provider".
  NEXTAUTH_URL: z.url().optional(),
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_NAME: z.string().min(1).default("Single sign-on"),
  OIDC_SCOPE: z.string().min(1).default("openid email profile"),
  // e.g. "login" to always show the IdP's login screen (the demo does).
  OIDC_PROMPT: z.enum(["login", "consent", "select_account", "none"]).optional(),
  // Google Workspace: the `hd` claim that must be present and match.
  OIDC_HOSTED_DOMAIN: z.string().min(1).optional(),
  ALLOWED_EMAIL_DOMAINS: csv,
  ADMIN_EMAILS: csv,
  // Operations. /api/metrics answers only with this bearer token (unset: disabled).
  METRICS_TOKEN: z.string().min(16).optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  // Email (lib/notifications). smtp://host:587 (STARTTLS when offered), smtps://host:465 (TLS from the start);
  // user:password@ in the URL; nodemailer's options as query parameters (README "Email").
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "SMTP_URL must start with smtp:// or smtps://")
    .optional(),
  MAIL_FROM: z.string().min(3).default("Skillgrid <skillgrid@localhost>"),
  // Refuse an SMTP server whose certificate does not verify (set 0 only for a self-signed test server).
  SMTP_TLS_REJECT_UNAUTHORIZED: z
    .enum(["0", "1", "true", "false"])
    .optional()
    .transform((v) => v !== "0" && v !== "false"),
  // Refuse to send without TLS (STARTTLS must succeed on smtp://).
  SMTP_REQUIRE_TLS: z
    .enum(["0", "1", "true", "false"])
    .optional()
    .transform((v) => v === "1" || v === "true"),
  // How often the delivery worker looks for due email (ms), and whether this replica runs it at all.
  MAIL_POLL_MS: z.coerce.number().int().min(50).max(600_000).default(2000),
  // How often the schedule (reminders, weekly digest) checks whether something is due.
  MAIL_SCHEDULE_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  MAIL_WORKER: z
    .enum(["0", "1", "true", "false"])
    .optional()
    .transform((v) => v !== "0" && v !== "false"),
  // Webhooks (lib/webhooks): deliver to loopback, private and link-local addresses too. Off by default, so an
  // endpoint URL cannot reach the metadata service or internal hosts (SSRF); set 1 for on-premises receivers.
  WEBHOOKS_ALLOW_PRIVATE: z
    .enum(["0", "1", "true", "false"])
    .optional()
    .transform((v) => v === "1" || v === "true"),
  // /api/v1: requests per minute per token (sliding window); past it a 429 with Retry-After.
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(1200),
  // Overload: requests run at once, requests that may wait for a slot, and how long (lib/server/admission.ts).
  // Past them a request is refused at once with 503 + Retry-After. ADMISSION_CONCURRENCY=0 turns the gate off.
  // The defaults come from `npm run soak -- --mix pages --overload` on 2 cores: one Node thread serves no more
  // with 8 running than with 4, and a waiting request's time adds to its latency, so both are kept short.
  ADMISSION_CONCURRENCY: z.coerce.number().int().min(0).max(10_000).default(4),
  ADMISSION_QUEUE: z.coerce.number().int().min(0).max(100_000).default(32),
  ADMISSION_QUEUE_TIMEOUT_MS: z.coerce.number().int().min(1).max(600_000).default(1000),
  ADMISSION_SHED_AFTER_MS: z.coerce.number().int().min(0).max(600_000).default(200),
  // SIGTERM/SIGINT: how long in-flight requests may take to finish before their connections are cut.
  SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().min(0).max(3600).default(10),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export function getEnv(): Env {
  if (!cached) {
    // An empty variable (VAR= in compose files) means "not set".
    const parsed = envSchema.safeParse(Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== "")));
    if (!parsed.success) {
      const detail = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
      throw new Error(`Invalid environment configuration: ${detail}`);
    }
    cached = parsed.data;
  }
  return cached;
}

/** Tests change the environment between cases. */
export function resetEnvCache(): void {
  cached = undefined;
}
