import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const APP = {
  group: ["@/app/*", "@/app/**"],
  message: "components/ may not import app/: server actions live in lib/actions/.",
};
const COMPONENTS = {
  group: ["@/components/*", "@/components/**"],
  message: "lib/ may not import components/: move what both need into lib/.",
};
const DATABASE = {
  group: ["@/db/*", "@/db/**", "**/db/client", "**/db/queries/*", "**/db/schema"],
  message:
    "Only the data layer (lib/data), lib/auth, lib/server and db/ touch the database: read and write through lib/data.",
};
const boundary = (files, patterns) => ({ files, rules: { "no-restricted-imports": ["error", { patterns }] } });

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      ".next/**",
      ".next-*/**",
      "node_modules/**",
      ".data/**",
      "next-env.d.ts",
      "playwright-report/**",
      "test-results/**",
    ],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  // The layers (ARCHITECTURE.md): routes and components call server actions
  // (lib/actions) and the data layer (lib/data), never the database; pure
  // modules (analytics, exports, charts) know nothing of either. A later
  // block for the same files replaces an earlier one, so each lists all its rules.
  boundary(["app/**"], [DATABASE]),
  boundary(["components/**"], [APP, DATABASE]),
  boundary(["lib/**"], [COMPONENTS]),
  boundary(["lib/analytics/**", "lib/export/**", "lib/charts/**", "lib/actions/**"], [COMPONENTS, DATABASE]),
];
export default config;
