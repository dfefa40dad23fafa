import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";

// scripts/provision.sh, run for real in bash inside a sandbox: where it looks
// for Chromium, PostgreSQL and nginx are temporary paths, and `apt-get` on
// PATH is a stand-in that records what it was asked and "installs" the
// package by creating the file the check looks for.

const SCRIPT = path.resolve("scripts/provision.sh");
let sandbox: string;

function setUp({ present, apt }: { present: ("chromium" | "postgres" | "nginx")[]; apt: boolean }) {
  sandbox = mkdtempSync(path.join(tmpdir(), "provision-"));
  const paths = {
    chromium: path.join(sandbox, "chromium"),
    postgres: path.join(sandbox, "pg/15/bin/initdb"),
    nginx: path.join(sandbox, "nginx"),
  };
  const executable = (file: string, body = "#!/bin/sh\n") => {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, body);
    chmodSync(file, 0o755);
  };
  for (const what of present) executable(paths[what]);
  const bin = path.join(sandbox, "bin");
  mkdirSync(bin);
  if (apt) {
    const byPackage = { chromium: paths.chromium, postgresql: paths.postgres, nginx: paths.nginx };
    executable(
      path.join(bin, "apt-get"),
      `#!/bin/sh\necho "$@" >> ${sandbox}/apt.log\n` +
        Object.entries(byPackage)
          .map(
            ([pkg, file]) =>
              `case " $* " in *" install "*" ${pkg} "*) mkdir -p ${path.dirname(file)}; printf '#!/bin/sh\\n' > ${file}; chmod +x ${file};; esac\n`,
          )
          .join(""),
    );
  }
  return paths;
}

function provision(env: Record<string, string>) {
  const result = spawnSync("bash", ["-c", `source ${SCRIPT} && provision && echo "CHROMIUM_PATH=$CHROMIUM_PATH"`], {
    env: {
      NODE_ENV: "test",
      PATH: `${path.join(sandbox, "bin")}:/usr/bin:/bin`,
      HOME: sandbox,
      PROVISION_CHROMIUM_CANDIDATES: path.join(sandbox, "chromium"),
      PROVISION_INITDB_GLOB: path.join(sandbox, "pg/*/bin/initdb"),
      PROVISION_NGINX: path.join(sandbox, "nginx"),
      ...env,
    },
    encoding: "utf8",
  });
  const aptLog = path.join(sandbox, "apt.log");
  return {
    status: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    apt: existsSync(aptLog) ? readFileSync(aptLog, "utf8") : "",
  };
}

afterEach(() => rmSync(sandbox, { recursive: true, force: true }));

describe("npm test provisions what it needs", () => {
  it("finds what is there, exports the browser it found, and says so in one line", () => {
    const paths = setUp({ present: ["chromium", "postgres", "nginx"], apt: true });
    const run = provision({ PROVISION_AS_ROOT: "1" });
    expect(run.status).toBe(0);
    expect(run.stderr.trim()).toBe("provision: Chromium found, PostgreSQL server found, nginx found");
    expect(run.stdout).toContain(`CHROMIUM_PATH=${paths.chromium}`);
    expect(run.apt).toBe("");
  });

  it("prefers CHROMIUM_PATH when it points at a browser", () => {
    setUp({ present: ["postgres", "nginx"], apt: false });
    const own = path.join(sandbox, "my-chrome");
    writeFileSync(own, "#!/bin/sh\n");
    chmodSync(own, 0o755);
    expect(provision({ CHROMIUM_PATH: own }).stdout).toContain(`CHROMIUM_PATH=${own}`);
  });

  it("as root with apt-get, installs Debian's package for what is missing, saying what it runs", () => {
    const paths = setUp({ present: ["nginx"], apt: true });
    const run = provision({ PROVISION_AS_ROOT: "1" });
    expect(run.status).toBe(0);
    expect(run.apt).toContain("install -y -qq chromium");
    expect(run.apt).toContain("install -y -qq postgresql");
    expect(run.stderr).toContain("provision: Chromium is missing: apt-get install -y chromium");
    expect(run.stderr).toContain("provision: Chromium installed, PostgreSQL server installed, nginx found");
    expect(run.stdout).toContain(`CHROMIUM_PATH=${paths.chromium}`);
  });

  it("without a way to install, stops with the command that provides what is missing", () => {
    setUp({ present: ["postgres", "nginx"], apt: false });
    const run = provision({ PROVISION_AS_ROOT: "0" });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("provision: Chromium MISSING, PostgreSQL server found, nginx found");
    expect(run.stderr).toContain("provision: cannot run the suite without Chromium: apt-get install -y chromium");
  });

  it("lets a machine without nginx run the suite outside CI (its test is skipped), not under CI", () => {
    setUp({ present: ["chromium", "postgres"], apt: false });
    const local = provision({ PROVISION_AS_ROOT: "0" });
    expect(local.status).toBe(0);
    expect(local.stderr).toContain("nginx missing (its test is skipped)");
    const ci = provision({ PROVISION_AS_ROOT: "0", CI: "true" });
    expect(ci.status).toBe(1);
    expect(ci.stderr).toContain("cannot run the suite without nginx: apt-get install -y nginx");
  });
});
