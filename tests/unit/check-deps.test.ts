import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

import { checkDeps, satisfies, type Allowlist, type NpmLsNode } from "../../scripts/check-deps.mjs";

// A fake `npm ls --all --json` tree: exceljs's chain, deduplicated the way npm prints it.
const tree: NpmLsNode = {
  version: "0.1.0",
  dependencies: {
    exceljs: {
      version: "4.4.0",
      dependencies: {
        archiver: {
          version: "5.3.2",
          dependencies: {
            "archiver-utils": {
              version: "2.1.0",
              dependencies: { glob: { version: "7.2.3", dependencies: { inflight: { version: "1.0.6" } } } },
            },
          },
        },
        unzipper: {
          version: "0.10.14",
          dependencies: {
            fstream: {
              version: "1.0.12",
              dependencies: { rimraf: { version: "2.7.1", dependencies: { glob: { version: "7.2.3" } } } },
            },
          },
        },
      },
    },
    "drizzle-kit": { version: "0.31.11", dependencies: { "@esbuild-kit/esm-loader": { version: "2.6.5" } } },
    zod: { version: "4.6.7" },
  },
};
const devDependencies = ["drizzle-kit"];

const deprecated: Allowlist["deprecated"] = [
  { name: "inflight", versions: "*", notice: "leaks memory" },
  { name: "glob", versions: "<9", notice: "glob < 9 unsupported" },
  { name: "rimraf", versions: "<4", notice: "rimraf < 4 unsupported" },
  { name: "fstream", versions: "*", notice: "no longer supported" },
  { name: "@esbuild-kit/esm-loader", versions: "*", notice: "merged into tsx" },
];
const accept = (
  name: string,
  version: string,
  scope: "production" | "development",
  via: string[],
): Allowlist["accepted"][number] => ({
  name,
  version,
  scope,
  runtime: scope === "production" ? "loaded, not called" : "dev only",
  via,
  reason: "see the exceljs chain",
});
const accepted = [
  accept("inflight", "1.0.6", "production", ["exceljs > archiver > archiver-utils > glob > inflight"]),
  accept("glob", "7.2.3", "production", ["exceljs > unzipper > fstream > rimraf > glob"]),
  accept("rimraf", "2.7.1", "production", ["exceljs > unzipper > fstream > rimraf"]),
  accept("fstream", "1.0.12", "production", ["exceljs > unzipper > fstream"]),
  accept("@esbuild-kit/esm-loader", "2.6.5", "development", ["drizzle-kit > @esbuild-kit/esm-loader"]),
];

describe("the offline dependency check", () => {
  it("passes when every installed deprecated package is accepted, reporting scope and path", () => {
    const result = checkDeps({ tree, devDependencies, allowlist: { deprecated, accepted } });
    expect(result.failures).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.installed).toBe(11);
    expect(result.findings).toContainEqual({
      key: "inflight@1.0.6",
      scope: "production",
      runtime: "loaded, not called",
      via: "exceljs > archiver > archiver-utils > glob > inflight",
    });
    expect(result.findings).toContainEqual(
      expect.objectContaining({ key: "@esbuild-kit/esm-loader@2.6.5", scope: "development" }),
    );
  });

  it("fails on a deprecated package that is not accepted, naming how it is installed", () => {
    const result = checkDeps({
      tree,
      devDependencies,
      allowlist: { deprecated, accepted: accepted.filter((a) => a.name !== "fstream") },
    });
    expect(result.ok).toBe(false);
    expect(result.failures).toEqual([
      expect.stringMatching(
        /^fstream@1\.0\.12 is deprecated upstream \("no longer supported"\).*via exceljs > unzipper > fstream \(production\)/,
      ),
    ]);
  });

  it("fails on a package whose installed package.json says it is deprecated, even if no rule lists it", () => {
    const marked = structuredClone(tree);
    marked.dependencies!.zod!.deprecated = "use zod 5";
    expect(checkDeps({ tree: marked, devDependencies, allowlist: { deprecated, accepted } }).failures).toEqual([
      expect.stringMatching(/^zod@4\.6\.7 is deprecated upstream \("use zod 5"\)/),
    ]);
  });

  it("fails on a stale entry: accepted but no longer installed", () => {
    const result = checkDeps({
      tree,
      devDependencies,
      allowlist: { deprecated, accepted: [...accepted, accept("rimraf", "2.6.3", "production", [])] },
    });
    expect(result.failures).toEqual([
      expect.stringMatching(/^rimraf@2\.6\.3 is accepted .* but no longer installed.*stale/),
    ]);
  });

  it("fails when an entry no longer tells the truth: wrong scope, impossible path, no reason, not deprecated", () => {
    const wrong = accepted.map((a) =>
      a.name === "fstream"
        ? { ...a, scope: "development" as const, runtime: "dev only" }
        : a.name === "rimraf"
          ? { ...a, via: ["exceljs > rimraf"] }
          : a.name === "inflight"
            ? { ...a, reason: " " }
            : a,
    );
    const failures = checkDeps({
      tree,
      devDependencies,
      allowlist: { deprecated, accepted: [...wrong, accept("zod", "4.6.7", "production", [])] },
    }).failures;
    expect(failures).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^fstream@1\.0\.12: the allowlist says development, but it is now installed for production/,
        ),
        expect.stringMatching(/^fstream@1\.0\.12: runtime must be one of "called", "loaded, not called", "not loaded"/),
        expect.stringMatching(/^rimraf@2\.7\.1: the recorded path "exceljs > rimraf" no longer exists/),
        expect.stringMatching(/^inflight@1\.0\.6: its allowlist entry needs a reason/),
        expect.stringMatching(/^zod@4\.6\.7 is accepted .* but matches no deprecation/),
      ]),
    );
    expect(failures).toHaveLength(5);
  });

  it("counts a package reached from both a production and a dev dependency as production", () => {
    const both = structuredClone(tree);
    both.dependencies!["drizzle-kit"]!.dependencies!.glob = { version: "7.2.3" };
    const result = checkDeps({ tree: both, devDependencies, allowlist: { deprecated, accepted } });
    expect(result.findings.find((f) => f.key === "glob@7.2.3")).toMatchObject({ scope: "production" });
  });

  it("compares versions against simple ranges", () => {
    expect([
      satisfies("7.2.3", "<9"),
      satisfies("9.0.0", "<9"),
      satisfies("1.0.6", "*"),
      satisfies("2.7.1", ">=2 <3"),
      satisfies("3.0.0", ">=2 <3"),
      satisfies("1.0.12", "1.0.12"),
    ]).toEqual([true, false, true, true, false, true]);
  });

  it("the committed allowlist accepts only packages on its own deprecated list, each with a reason", () => {
    const file = JSON.parse(readFileSync("scripts/deps-allowlist.json", "utf8")) as Allowlist;
    for (const a of file.accepted) {
      expect(
        file.deprecated.some((d) => d.name === a.name && satisfies(a.version, d.versions)),
        `${a.name}@${a.version}`,
      ).toBe(true);
      expect(a.reason?.length, a.name).toBeGreaterThan(20);
    }
  });
});
