export type NpmLsNode = { version?: string; deprecated?: string; dependencies?: Record<string, NpmLsNode> };
export type Allowlist = {
  deprecated: { name: string; versions: string; notice: string }[];
  accepted: {
    name: string;
    version: string;
    scope?: "production" | "development";
    runtime?: string;
    via?: string[];
    reason?: string;
  }[];
};
export type CheckResult = {
  ok: boolean;
  failures: string[];
  findings: { key: string; scope: "production" | "development"; runtime: string | undefined; via: string }[];
  installed: number;
};
export const RUNTIME: { production: string[]; development: string[] };
export function satisfies(version: string, range: string): boolean;
export function readTree(tree: NpmLsNode): {
  packages: Map<
    string,
    { key: string; name: string; version: string; children: Set<string>; deprecated: string | undefined }
  >;
  roots: { name: string; key: string }[];
};
export function checkDeps(input: { tree: NpmLsNode; devDependencies?: string[]; allowlist: Allowlist }): CheckResult;
