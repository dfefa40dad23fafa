import { ScimError } from "@/lib/scim/errors";

/** "status scimType" of the ScimError `run` throws, so a test can tell an invalidFilter from any other failure. */
export function scimErrorOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (e) {
    if (e instanceof ScimError) return `${e.status} ${e.scimType}`;
    return `not a ScimError: ${String(e)}`;
  }
  return "no error";
}
