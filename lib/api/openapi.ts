import { z } from "zod";

import type { ApiOperation } from "./define";
import { errorBodySchema } from "./schemas";
import { API_SCOPES } from "./scopes";

// The OpenAPI 3.1 document of /api/v1, generated from the operations' own zod
// schemas (lib/api/operations.ts): the schemas the data layer validates with
// are the ones documented. `npm run openapi` writes it to openapi/v1.json;
// `npm run check:openapi` (in `npm test`) fails when the two differ.

type Json = Record<string, unknown>;
const ERROR_STATUSES = {
  "400": "The input is not valid (fieldErrors names each field).",
  "401": "No token, or one that is unknown, revoked, expired, or whose owner is disabled.",
  "403": "The token lacks the scope, or its owner may not do this.",
  "404": "Not found, or not visible to this token.",
  "409": "Conflicts with the current state, or the Idempotency-Key is in use.",
  "413": "The body is too large.",
  "429": "Too many requests for this token: wait Retry-After seconds.",
  "503": "The database is briefly unavailable: retry after Retry-After seconds.",
};

/** Converts a schema, moving its named parts ($defs) into the document's components. */
function convert(schema: z.ZodType, io: "input" | "output", components: Json): Json {
  const json = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" }) as Json;
  const { $schema: _, $defs, ...rest } = json;
  for (const [name, def] of Object.entries(($defs ?? {}) as Json)) components[name] = rewriteRefs(def);
  // A named root comes back as a $ref into $defs (moved above); an unnamed one inline.
  return rewriteRefs(rest) as Json;
}

function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        k === "$ref" && typeof v === "string" ? v.replace("#/$defs/", "#/components/schemas/") : rewriteRefs(v),
      ]),
    );
  }
  return value;
}

function parameters(op: ApiOperation, components: Json): Json[] {
  const out: Json[] = [];
  for (const [where, schema] of [
    ["path", op.params],
    ["query", op.query],
  ] as const) {
    if (!schema) continue;
    const json = convert(schema, "input", components) as { properties?: Json; required?: string[] };
    for (const [name, prop] of Object.entries(json.properties ?? {})) {
      const { description, ...propSchema } = prop as Json;
      out.push({
        name,
        in: where,
        required: where === "path" || (json.required ?? []).includes(name),
        ...(description ? { description } : {}),
        schema: propSchema,
      });
    }
  }
  if (op.method === "GET") {
    out.push({ $ref: "#/components/parameters/IfNoneMatch" });
    out.push({ $ref: "#/components/parameters/AcceptLanguage" });
  } else {
    out.push({ $ref: "#/components/parameters/IdempotencyKey" });
  }
  return out;
}

function requestBody(op: ApiOperation, components: Json): Json | undefined {
  if (op.body) {
    return { required: true, content: { "application/json": { schema: convert(op.body, "input", components) } } };
  }
  if (op.rawBody) {
    const content = Object.fromEntries(
      op.rawBody.mediaTypes.map((t) => [t, { schema: { type: "string", contentMediaType: t } }]),
    );
    return { required: true, content };
  }
  return undefined;
}

function responses(op: ApiOperation, components: Json): Json {
  const status = String(op.status ?? 200);
  const ok: Json =
    status === "204"
      ? { description: "Done." }
      : {
          description: op.paginated ? "A page of results." : "OK.",
          ...(op.method === "GET" ? { headers: { ETag: { $ref: "#/components/headers/ETag" } } } : {}),
          content: { "application/json": { schema: convert(op.response, "output", components) } },
        };
  const out: Json = { [status]: ok };
  if (op.method === "GET") out["304"] = { description: "Not modified (If-None-Match matched the ETag)." };
  for (const [code, description] of Object.entries(ERROR_STATUSES)) {
    out[code] = {
      description,
      content: { "application/json": { schema: { $ref: "#/components/schemas/ErrorBody" } } },
    };
  }
  return out;
}

export function buildOpenApi(operations: ApiOperation[]) {
  const components: Json = {};
  convert(errorBodySchema, "output", components);
  const paths: Record<string, Json> = {};
  for (const op of operations) {
    const item = (paths[op.path] ??= {});
    item[op.method.toLowerCase()] = {
      operationId: op.operationId,
      summary: op.summary,
      ...(op.description ? { description: op.description } : {}),
      tags: [op.tag],
      security: [{ bearerToken: [] }],
      "x-scope": op.scope,
      parameters: parameters(op, components),
      ...(requestBody(op, components) ? { requestBody: requestBody(op, components) } : {}),
      responses: responses(op, components),
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Skillgrid API",
      version: "1.0.0",
      description:
        "Skills data for HR, learning, BI and staffing systems. Authenticate with a personal or service token " +
        "(Authorization: Bearer …, created on /me/api or /org/api). A token acts with its owner's permissions, " +
        `narrowed to its scopes (${API_SCOPES.join(", ")}; each operation's x-scope names the one it needs). ` +
        "Errors are { error: { code, message, fieldErrors? } }. Lists are paged with ?cursor=&limit=. " +
        "Reads carry an ETag; writes accept an Idempotency-Key.",
    },
    servers: [{ url: "/api/v1" }],
    security: [{ bearerToken: [] }],
    tags: ["Meta", "People", "Teams", "Planning", "Frameworks", "Ratings", "Cycles"].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: {
        bearerToken: { type: "http", scheme: "bearer", description: "sgp_… (personal) or sgs_… (service)" },
      },
      parameters: {
        IfNoneMatch: {
          name: "If-None-Match",
          in: "header",
          required: false,
          description: "An ETag from an earlier answer: 304 when nothing changed.",
          schema: { type: "string" },
        },
        AcceptLanguage: {
          name: "Accept-Language",
          in: "header",
          required: false,
          description: "zh-TW or en for names and reasons (default: the token owner's language).",
          schema: { type: "string" },
        },
        IdempotencyKey: {
          name: "Idempotency-Key",
          in: "header",
          required: false,
          description:
            "Any 1–255 visible ASCII characters (a uuid recommended). A retry with the same key and body gets the first reply (Idempotent-Replayed: true) and writes nothing; kept 24 hours.",
          schema: { type: "string", maxLength: 255 },
        },
      },
      headers: { ETag: { description: "The answer's version, for If-None-Match.", schema: { type: "string" } } },
      schemas: Object.fromEntries(Object.entries(components).sort(([a], [b]) => a.localeCompare(b))),
    },
  };
}
