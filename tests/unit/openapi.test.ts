import addFormats from "ajv-formats";
import Ajv2020 from "ajv/dist/2020";
import { describe, expect, it } from "vitest";

import { buildOpenApi } from "@/lib/api/openapi";
import { OPERATIONS } from "@/lib/api/operations";

// The generated OpenAPI document is usable by the tools that read it: every
// reference resolves to a real schema (none to itself), every schema
// compiles, and every operation documents its scope, errors and parameters.

const doc = buildOpenApi(OPERATIONS) as unknown as {
  paths: Record<
    string,
    Record<string, { parameters: { name?: string; in?: string }[]; responses: object; "x-scope": string }>
  >;
  components: { schemas: Record<string, unknown> };
};

function refs(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => refs(v, out));
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (k === "$ref" && typeof v === "string") out.push(v);
      else refs(v, out);
    }
  }
  return out;
}

describe("OpenAPI document", () => {
  it("is OpenAPI 3.1 with every operation once", () => {
    expect(doc).toMatchObject({ openapi: "3.1.0" });
    const ops = Object.entries(doc.paths).flatMap(([p, item]) => Object.keys(item).map((m) => `${m} ${p}`));
    expect(ops).toHaveLength(OPERATIONS.length);
  });

  it("resolves every reference, and no schema is only a reference to itself", () => {
    const local = (ref: string) => ref.replace("#/", "").split("/");
    for (const ref of refs(doc)) {
      let node: unknown = doc;
      for (const part of local(ref)) node = (node as Record<string, unknown>)?.[part];
      expect(node, ref).toBeDefined();
    }
    for (const [name, schema] of Object.entries(doc.components.schemas)) {
      expect((schema as { $ref?: string }).$ref, name).not.toBe(`#/components/schemas/${name}`);
      expect(schema, name).toHaveProperty("type");
    }
  });

  it("compiles every schema with a JSON Schema 2020-12 validator", () => {
    const ajv = new Ajv2020({ strict: false });
    addFormats(ajv);
    ajv.addSchema({ $id: "doc", components: doc.components });
    for (const name of Object.keys(doc.components.schemas)) {
      expect(() => ajv.getSchema(`doc#/components/schemas/${name}`), name).not.toThrow();
    }
  });

  it("names each operation's scope, its path parameters and its error answers", () => {
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        expect(["read", "rate", "plan", "admin"], `${method} ${path}`).toContain(op["x-scope"]);
        const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
        expect(op.parameters.filter((p) => p.in === "path").map((p) => p.name)).toEqual(inPath);
        expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(["400", "401", "403", "404", "429"]));
      }
    }
  });
});
