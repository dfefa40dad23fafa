// `npm run openapi` writes the API's OpenAPI document to openapi/v1.json (committed, so a change to the API
// shows in review); `npm run check:openapi` fails when the committed file is not what the code generates.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

import { openApiDocument } from "@/lib/api/document";

const file = path.join(process.cwd(), "openapi", "v1.json");
const generated = `${JSON.stringify(openApiDocument(), null, 2)}\n`;

if (process.argv[2] === "check") {
  let committed = "";
  try {
    committed = readFileSync(file, "utf8");
  } catch {
    // missing: reported below
  }
  if (committed !== generated) {
    console.error("openapi/v1.json is not what lib/api generates. Run `npm run openapi` and commit the result.");
    process.exit(1);
  }
  console.log("check:openapi: openapi/v1.json matches the code");
} else {
  writeFileSync(file, generated);
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
