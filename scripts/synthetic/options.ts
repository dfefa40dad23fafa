/** Command-line options of the synthetic org, shared by seed:synthetic and bench. */
export const ORG_SIZE_OPTIONS = {
  // A preset; any of the options below given explicitly overrides its part of it.
  size: { type: "string", default: "default" },
  teams: { type: "string" },
  "members-per-team": { type: "string" },
  skills: { type: "string" },
  quarters: { type: "string" },
} as const;

export type OrgSize = { teams: number; membersPerTeam: number; skills: number; quarters: number };

/**
 * default: 2,000 people × 60 skills × 4 quarters (480,000 rating rows), what `npm run bench` measures.
 * large: 10,000 people × 100 skills × 4 quarters (4,000,000 rating rows), by hand only (not in CI).
 */
export const ORG_SIZES: Record<string, OrgSize> = {
  default: { teams: 40, membersPerTeam: 50, skills: 60, quarters: 4 },
  large: { teams: 200, membersPerTeam: 50, skills: 100, quarters: 4 },
};

type OrgSizeValues = { size?: string; teams?: string; "members-per-team"?: string; skills?: string; quarters?: string };

/** The org size the command line asks for: its preset, with the explicit options on top. */
export function orgSizeFrom(values: OrgSizeValues): OrgSize {
  const preset = ORG_SIZES[values.size ?? "default"];
  if (!preset) throw new Error(`--size ${values.size}: expected one of ${Object.keys(ORG_SIZES).join(", ")}`);
  const count = (flag: string, given: string | undefined, fallback: number) => {
    if (given === undefined) return fallback;
    const n = Number(given);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${flag} ${given}: expected a positive whole number`);
    return n;
  };
  return {
    teams: count("teams", values.teams, preset.teams),
    membersPerTeam: count("members-per-team", values["members-per-team"], preset.membersPerTeam),
    skills: count("skills", values.skills, preset.skills),
    quarters: count("quarters", values.quarters, preset.quarters),
  };
}

/** The same size as command-line options, for handing it to another command. */
export const orgSizeArgs = (s: OrgSize): string[] => [
  ...["--teams", String(s.teams), "--members-per-team", String(s.membersPerTeam)],
  ...["--skills", String(s.skills), "--quarters", String(s.quarters)],
];
