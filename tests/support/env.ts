import { afterEach } from "vitest";

import { resetEnvCache } from "@/lib/env";

/** Lets a suite's tests set environment variables freely: each test's changes are undone after it. */
export function restoreEnvAfterEach(): void {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
    resetEnvCache();
  });
}
