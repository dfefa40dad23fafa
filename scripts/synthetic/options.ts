/** Command-line options of the synthetic org, shared by seed:synthetic and bench. */
export const ORG_SIZE_OPTIONS = {
  teams: { type: "string", default: "40" },
  "members-per-team": { type: "string", default: "50" },
  skills: { type: "string", default: "60" },
  quarters: { type: "string", default: "4" },
} as const;
