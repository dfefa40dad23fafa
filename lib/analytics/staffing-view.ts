// A staffing proposal (lib/analytics/staffing.ts works in ids) shaped for
// people to read: names of persons, teams, targets and skills in the viewer's
// language. Pure.
import type { Proposal, StaffingPick, StaffingResult } from "./staffing";

export type Named = { id: string; name: string };
export type StaffingNames = {
  person: (id: string) => Named & { teams: Named[] };
  team: (id: string) => string;
  target: (id: string) => string;
  /** A skill by its staffing key (framework id | skill key). */
  skill: (key: string) => string;
  requirement: (id: string) => string;
};

export type PickView = Omit<StaffingPick, "personId" | "alternatives" | "impact" | "singlePoints"> & {
  person: Named & { teams: Named[] };
  covers: string[];
  coversNames: string[];
  impact: {
    team: string;
    target: string;
    skill: string;
    level: number;
    headcount: number;
    before: number;
    after: number;
    breaks: boolean;
  }[];
  singlePoints: { team: string; skill: string; level: number; left: 0 | 1 }[];
  alternatives: Named[];
};
export type ProposalView = Omit<Proposal, "picks" | "coverage" | "short"> & {
  picks: PickView[];
  coverage: { requirement: string; have: number; need: number }[];
  short: { requirement: string; missing: number }[];
  /** Every home team a pick would leave (their leads may read a saved plan). */
  teamIds: string[];
};

export function proposalView(p: Proposal, names: StaffingNames): ProposalView {
  const picks = p.picks.map((pick) => pickView(pick, names));
  return {
    method: p.method,
    harmless: p.harmless,
    picks,
    coverage: p.coverage.map((c) => ({ requirement: names.requirement(c.requirementId), have: c.have, need: c.need })),
    short: p.short.map((s) => ({ requirement: names.requirement(s.requirementId), missing: s.missing })),
    teamIds: [...new Set(picks.flatMap((x) => x.person.teams.map((t) => t.id)))].sort(),
  };
}

function pickView(pick: StaffingPick, names: StaffingNames): PickView {
  return {
    reason: pick.reason,
    person: names.person(pick.personId),
    covers: pick.covers,
    coversNames: pick.covers.map(names.requirement),
    impact: pick.impact.map((i) => ({
      team: names.team(i.teamId),
      target: names.target(i.targetId),
      skill: names.skill(i.skillKey),
      level: i.level,
      headcount: i.headcount,
      before: i.before,
      after: i.after,
      breaks: i.breaks,
    })),
    singlePoints: pick.singlePoints.map((s) => ({
      team: names.team(s.teamId),
      skill: names.skill(s.skillKey),
      level: s.level,
      left: s.left,
    })),
    alternatives: pick.alternatives.map((id) => {
      const { teams: _teams, ...named } = names.person(id);
      return named;
    }),
  };
}

export type StaffingView = { proposal: ProposalView; withHarm: ProposalView | null };

export function staffingView(result: StaffingResult, names: StaffingNames): StaffingView {
  return {
    proposal: proposalView(result.proposal, names),
    withHarm: result.withHarm ? proposalView(result.withHarm, names) : null,
  };
}
