#!/usr/bin/env node
// `npm run check:deps`: an offline check of the installed dependency tree.
// `npm audit` needs the registry's advisory service; this needs nothing but
// node_modules. It walks `npm ls --all --json --long` and fails when an
// installed package is deprecated upstream (listed in scripts/deps-allowlist.json,
// or carrying a `deprecated` field in its package.json) without an accepted
// entry, when an accepted entry no longer matches what is installed (stale),
// or when an entry's recorded scope or dependency path is no longer true.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

export const RUNTIME = {
  production: ["called", "loaded, not called", "not loaded"],
  development: ["dev only"],
};

/**
 * The installed packages of an `npm ls --all --json` tree as a graph keyed by
 * name@version. npm prints a deduplicated package's children only once, so
 * edges are merged from every occurrence.
 */
export function readTree(tree) {
  const packages = new Map();
  const visit = (name, node) => {
    if (!node?.version) return null;
    const key = `${name}@${node.version}`;
    let pkg = packages.get(key);
    if (!pkg)
      packages.set(key, (pkg = { key, name, version: node.version, children: new Set(), deprecated: undefined }));
    if (typeof node.deprecated === "string") pkg.deprecated = node.deprecated;
    for (const [childName, child] of Object.entries(node.dependencies ?? {})) {
      const childKey = visit(childName, child);
      if (childKey) pkg.children.add(childKey);
    }
    return key;
  };
  const roots = Object.entries(tree.dependencies ?? {}).flatMap(([name, node]) => {
    const key = visit(name, node);
    return key ? [{ name, key }] : [];
  });
  return { packages, roots };
}

/** Shortest path from the given roots to every package they reach, as "a > b > c". */
function pathsFrom(graph, roots) {
  const paths = new Map();
  const queue = roots.map((r) => [r.key, r.name]);
  for (const [key, trail] of queue) {
    if (paths.has(key)) continue;
    paths.set(key, trail);
    for (const child of graph.packages.get(key)?.children ?? [])
      queue.push([child, `${trail} > ${graph.packages.get(child).name}`]);
  }
  return paths;
}

/** `version` against a range of space-separated comparators on x.y.z ("*", "1.0.6", "<9", ">=1 <2"). */
export function satisfies(version, range) {
  const parse = (v) =>
    v
      .replace(/^v/, "")
      .split(/[-+]/)[0]
      .split(".")
      .map((n) => Number(n) || 0);
  const compare = (a, b) => {
    for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) - (b[i] ?? 0);
    return 0;
  };
  const v = parse(version);
  return range
    .trim()
    .split(/\s+/)
    .every((comparator) => {
      if (comparator === "*" || comparator === "") return true;
      const [, op = "=", target] = /^(<=|>=|<|>|=)?(.+)$/.exec(comparator);
      const c = compare(v, parse(target));
      return { "<": c < 0, "<=": c <= 0, ">": c > 0, ">=": c >= 0, "=": c === 0 }[op];
    });
}

/** Whether a recorded path such as "exceljs > unzipper > fstream" is a chain of real dependency edges from a root. */
function isRealPath(graph, via) {
  const names = via.split(">").map((s) => s.trim());
  let frontier = graph.roots.filter((r) => r.name === names[0]).map((r) => r.key);
  for (const name of names.slice(1))
    frontier = frontier.flatMap((k) =>
      [...graph.packages.get(k).children].filter((c) => graph.packages.get(c).name === name),
    );
  return frontier.length > 0;
}

/** The check itself, pure: the `npm ls` tree, the root's devDependencies, and the allowlist file's content. */
export function checkDeps({ tree, devDependencies = [], allowlist }) {
  const graph = readTree(tree);
  const dev = new Set(devDependencies);
  const production = pathsFrom(
    graph,
    graph.roots.filter((r) => !dev.has(r.name)),
  );
  const anywhere = pathsFrom(graph, graph.roots);
  const accepted = new Map(allowlist.accepted.map((a) => [`${a.name}@${a.version}`, a]));
  const failures = [];
  const findings = [];
  for (const pkg of graph.packages.values()) {
    const rule = allowlist.deprecated.find((d) => d.name === pkg.name && satisfies(pkg.version, d.versions));
    const notice = rule?.notice ?? pkg.deprecated;
    if (!notice) continue;
    const scope = production.has(pkg.key) ? "production" : "development";
    const via = production.get(pkg.key) ?? anywhere.get(pkg.key);
    const entry = accepted.get(pkg.key);
    if (!entry) {
      failures.push(
        `${pkg.key} is deprecated upstream ("${notice}") and not accepted in scripts/deps-allowlist.json; installed via ${via} (${scope}).`,
      );
      continue;
    }
    failures.push(...checkEntry(graph, entry, scope));
    findings.push({ key: pkg.key, scope, runtime: entry.runtime, via });
  }
  for (const [key, entry] of accepted) {
    if (!graph.packages.has(key))
      failures.push(
        `${key} is accepted in scripts/deps-allowlist.json but no longer installed: remove its entry (stale allowlist).`,
      );
    else if (!findings.some((f) => f.key === key))
      failures.push(
        `${key} is accepted in scripts/deps-allowlist.json but matches no deprecation: remove its entry, or add the package to "deprecated".`,
      );
    else if (!entry.reason?.trim()) failures.push(`${key}: its allowlist entry needs a reason.`);
  }
  return { ok: failures.length === 0, failures, findings, installed: graph.packages.size };
}

/** An accepted entry must still tell the truth about scope, runtime reachability and its recorded paths. */
function checkEntry(graph, entry, scope) {
  const key = `${entry.name}@${entry.version}`;
  const out = [];
  if (entry.scope !== scope)
    out.push(
      `${key}: the allowlist says ${entry.scope ?? "no scope"}, but it is now installed for ${scope}; review the entry.`,
    );
  if (!RUNTIME[scope].includes(entry.runtime))
    out.push(
      `${key}: runtime must be one of ${RUNTIME[scope].map((r) => `"${r}"`).join(", ")} for a ${scope} package.`,
    );
  for (const via of entry.via ?? [])
    if (!isRealPath(graph, via)) out.push(`${key}: the recorded path "${via}" no longer exists; update the entry.`);
  return out;
}

function main() {
  const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
  let stdout;
  try {
    // Reads node_modules only; --offline keeps npm from asking the registry anything.
    stdout = execFileSync("npm", ["ls", "--all", "--json", "--long", "--offline"], {
      cwd: root,
      encoding: "utf8",
      maxBuffer: 256 * 1024 * 1024,
      stdio: ["ignore", "pipe", "ignore"],
    });
  } catch (e) {
    // npm ls exits 1 when the tree has problems (an unmet peer range, say), and still prints it.
    if (!e.stdout) throw e;
    stdout = e.stdout;
  }
  const tree = JSON.parse(stdout);
  const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
  const allowlist = JSON.parse(readFileSync(path.join(root, "scripts/deps-allowlist.json"), "utf8"));
  const result = checkDeps({ tree, devDependencies: Object.keys(pkg.devDependencies ?? {}), allowlist });
  console.log(
    `check:deps: ${result.installed} installed packages (npm ls, offline); ${result.findings.length} deprecated upstream and accepted:`,
  );
  for (const f of result.findings) console.log(`  ${f.key} (${f.scope}; ${f.runtime}) via ${f.via}`);
  for (const problem of tree.problems ?? []) console.log(`  note: npm ls reports "${problem}" (not checked here)`);
  if (!result.ok) {
    for (const f of result.failures) console.error(`✗ ${f}`);
    process.exit(1);
  }
  console.log("check:deps: OK");
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
