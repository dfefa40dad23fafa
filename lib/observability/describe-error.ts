import { causeChain, classifyDbError, databaseLayer, isSqlstate, type DbErrorKind } from "@/lib/errors";

/** What the logs say about an error: enough to act on, nothing a person typed. */
export type ErrorDescription = {
  kind: DbErrorKind;
  name: string;
  message: string;
  sqlstate?: string;
  code?: string;
  severity?: string;
  constraint?: string;
  schema?: string;
  table?: string;
  column?: string;
  routine?: string;
  stack?: string;
};

const MAX_MESSAGE = 500;
const clip = (s: string) => (s.length > MAX_MESSAGE ? `${s.slice(0, MAX_MESSAGE)}…` : s);
const text = (v: unknown) => (typeof v === "string" && v ? v : undefined);
// The server quotes the offending value in a data exception's message
// (class 22: 'invalid input syntax for type uuid: "…"', 'value "…" is out of
// range for type integer'), and elsewhere after a colon; the identifiers it
// quotes in other messages (relations, constraints, columns) stay.
const QUOTED = /"(?:[^"]|"")*"/g;
const blankValues = (message: string, sqlstate?: string) =>
  sqlstate?.startsWith("22")
    ? message.replace(QUOTED, '"[redacted]"')
    : message.replace(/:\s*"(?:[^"]|"")*"/g, ': "[redacted]"');

// drizzle's DrizzleQueryError: "Failed query: <sql>\nparams: <values>". It
// is recognised by shape, as a bundler may load drizzle more than once.
const isFailedQuery = (layer: object) =>
  "params" in layer && "query" in layer && /^Failed query: /.test(String((layer as { message?: unknown }).message));

/**
 * An error for the logs. A database error is described by its SQLSTATE, the
 * server's message (values it quotes blanked), severity and the constraint,
 * schema, table and column it names: never the statement, its bound values,
 * or the server's `detail` ("Key (email)=(…) already exists"). Other errors
 * keep their name, message and stack, except drizzle's, whose message is
 * the statement with its values.
 */
export function describeError(e: unknown): ErrorDescription {
  const c = classifyDbError(e);
  const db = databaseLayer(e);
  if (db) {
    const f = db as Record<string, unknown>;
    return {
      kind: c.kind,
      name: text(f.name) ?? "Error",
      message: clip(blankValues(String(f.message ?? ""), c.sqlstate)),
      ...(c.sqlstate ? { sqlstate: c.sqlstate } : { code: db.code }),
      ...pick({
        severity: f.severity,
        constraint: f.constraint_name ?? f.constraint,
        schema: f.schema_name ?? f.schema,
        table: f.table_name ?? f.table,
        column: f.column_name ?? f.column,
        routine: f.routine,
      }),
    };
  }
  const layers = [...causeChain(e)];
  if (layers.length === 0) return { kind: c.kind, name: typeof e, message: clip(String(e)) };
  // Without a code, every layer but drizzle's wrapper says what failed.
  const own = layers.filter((l) => !isFailedQuery(l)) as (Error & { code?: unknown })[];
  if (own.length === 0)
    return { kind: c.kind, name: "DrizzleQueryError", message: "Failed query (statement not logged)" };
  const code = own.map((l) => l.code).find((x) => typeof x === "string") as string | undefined;
  const stack =
    own.length === layers.length && typeof own[0]!.stack === "string"
      ? own[0]!.stack.split("\n").slice(0, 8).join("\n")
      : undefined;
  return {
    kind: c.kind,
    name: text(own[0]!.name) ?? "Error",
    message: clip(own.map((l) => String(l.message ?? l)).join(" <- ")),
    ...(code ? { code } : {}),
    ...(stack ? { stack } : {}),
  };
}

function pick(fields: Record<string, unknown>): Partial<ErrorDescription> {
  return Object.fromEntries(
    Object.entries(fields).filter(([, v]) => typeof v === "string" && v),
  ) as Partial<ErrorDescription>;
}

/** One line for a person at a terminal (the CLIs): code, server message and what it names; never the statement. */
export function formatError(e: unknown): string {
  const d = describeError(e);
  const names = [
    d.constraint && `constraint ${d.constraint}`,
    d.table && `table ${d.table}`,
    d.column && `column ${d.column}`,
  ]
    .filter(Boolean)
    .join(", ");
  const code = d.sqlstate ?? d.code;
  return `${code ? `[${code}] ` : ""}${d.message}${names ? ` (${names})` : ""}`;
}

/** Printing this would print a statement's bound values: drizzle's wrapper, or a driver error with a SQLSTATE (its `detail` quotes values). */
export function carriesQueryValues(e: unknown): boolean {
  return [...causeChain(e)].some((l) => isFailedQuery(l) || isSqlstate((l as { code?: unknown }).code));
}
