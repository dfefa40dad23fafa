// The roadmap-Markdown format, parsed. One language per document; pairing two
// documents (zh-TW + en) gives the bilingual framework the database stores.

export type ParsedSkill = { line: number; text: string };
export type ParsedCategory = { line: number; name: string; skills: ParsedSkill[] };
export type ParsedLevel = {
  line: number;
  name: string;
  tagline: string;
  workStyle: string;
  workStyleNote: string;
  categories: ParsedCategory[];
};
export type ParsedLevelSummary = { line: number; name: string; text: string };
export type ParsedGrowthRow = { line: number; stage: string; focus: string };
export type ParsedTransitionPath = { line: number; title: string; intro: string; steps: ParsedSkill[] };

export type ParsedRoadmap = {
  title: string;
  intro: string;
  levelSummaries: ParsedLevelSummary[];
  levels: ParsedLevel[];
  growthTable: ParsedGrowthRow[];
  growthTableHeader: [string, string] | null;
  transitionPath: ParsedTransitionPath | null;
  conclusion: string;
};

export class RoadmapParseError extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
    readonly source?: string,
  ) {
    super(`${source ? `${source}: ` : ""}line ${line}: ${reason}`);
    this.name = "RoadmapParseError";
  }
}

export type Bi = { zh: string; en: string };

export type RoadmapSkill = { key: string; name: Bi };
export type RoadmapCategory = { key: string; name: Bi; skills: RoadmapSkill[] };
export type RoadmapLevel = {
  key: string;
  name: Bi;
  tagline: Bi;
  summary: Bi;
  workStyle: Bi;
  workStyleNote: Bi;
  categories: RoadmapCategory[];
};

/** The bilingual framework built from a zh-TW and an en roadmap document. */
export type RoadmapDocument = {
  title: Bi;
  intro: Bi;
  levels: RoadmapLevel[];
  growthTable: { stage: Bi; focus: Bi }[];
  transitionPath: { title: Bi; intro: Bi; steps: Bi[] } | null;
  conclusion: Bi;
};
