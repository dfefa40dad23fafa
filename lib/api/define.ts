import type { z } from "zod";

import type { ApiCaller } from "@/lib/auth/api-token";
import type { AppLocale } from "@/lib/i18n/locales";

import type { ApiScope } from "./scopes";

// One operation of /api/v1: its path, the scope a token needs, the zod
// schemas of what it takes and answers (the data layer's own input schemas,
// so lib/api/openapi.ts documents exactly what is validated), and its body.

export type HttpMethod = "GET" | "POST" | "DELETE";

export type ApiContext<P, Q, B> = {
  caller: ApiCaller;
  params: P;
  query: Q;
  body: B;
  /** From Accept-Language: names and reasons in zh-TW or English. */
  locale: AppLocale;
  /** The write's request id: its Idempotency-Key when that is a uuid, else a fresh one. */
  requestId: string;
  /** The query as sent (repeated keys as arrays), for data-layer calls that parse it themselves. */
  rawQuery: Record<string, string | string[]>;
  /** The raw body of a non-JSON write (a spreadsheet import). */
  raw: Uint8Array;
  contentType: string;
};

/** What an operation answers: JSON data, or a JSON text the data layer already serialised (cached payloads). */
export type ApiResult = { json: string } | { data: unknown };

export type ApiOperation = {
  method: HttpMethod;
  /** OpenAPI style: /teams/{teamId}/matrix. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: "People" | "Teams" | "Frameworks" | "Ratings" | "Planning" | "Cycles" | "Meta";
  scope: ApiScope;
  /** Refused for service tokens (an own rating has no meaning for a system). */
  personalOnly?: boolean;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** A body that is not JSON: its media types (the import's CSV or XLSX). */
  rawBody?: { mediaTypes: string[]; maxBytes: number };
  response: z.ZodType;
  /** 200 unless said (201 for creations, 204 for an archive). */
  status?: 200 | 201 | 204;
  /** A list answered in pages: { data, nextCursor }. */
  paginated?: boolean;
  handle: (ctx: ApiContext<any, any, any>) => Promise<ApiResult>; // eslint-disable-line @typescript-eslint/no-explicit-any
};

/** Declares an operation with its context typed from its schemas. */
export function operation<
  P extends z.ZodType = z.ZodType<Record<string, never>>,
  Q extends z.ZodType = z.ZodType<Record<string, never>>,
  B extends z.ZodType = z.ZodType<undefined>,
>(
  op: Omit<ApiOperation, "handle" | "params" | "query" | "body"> & {
    params?: P;
    query?: Q;
    body?: B;
    handle: (ctx: ApiContext<z.output<P>, z.output<Q>, z.output<B>>) => Promise<ApiResult>;
  },
): ApiOperation {
  return op as ApiOperation;
}
