// The demo organisation "Acme AI" (acme.test). The development identity
// provider offers the same people, so signing in to the demo works as it
// would against a real IdP.

export const DEMO_DOMAIN = "acme.test";

export type DemoPerson = {
  email: string;
  name: string;
  role: "admin" | "manager" | "member";
  locale: "zh-TW" | "en";
  team?: DemoTeamKey;
  lead?: boolean;
  /** Career level key in the MLOps roadmap. */
  level: "junior" | "mid-level" | "senior";
};

export type DemoTeamKey = "ml-platform" | "applied-ml" | "data-engineering";

export const DEMO_TEAMS: { key: DemoTeamKey; name: string; description: string }[] = [
  { key: "ml-platform", name: "ML Platform", description: "Runs the shared training, registry and serving platform." },
  { key: "applied-ml", name: "Applied ML", description: "Builds and ships ranking, forecasting and NLP models." },
  {
    key: "data-engineering",
    name: "Data Engineering",
    description: "Owns ingestion, feature pipelines and data quality.",
  },
];

const p = (
  local: string,
  name: string,
  role: DemoPerson["role"],
  level: DemoPerson["level"],
  team?: DemoTeamKey,
  extra: Partial<DemoPerson> = {},
): DemoPerson => ({ email: `${local}@${DEMO_DOMAIN}`, name, role, level, team, locale: "en", ...extra });

export const DEMO_PEOPLE: DemoPerson[] = [
  p("mei-ling.chen", "Mei-Ling Chen", "admin", "senior", undefined, { locale: "zh-TW" }),
  // Leads (managers).
  p("alex.wang", "Alex Wang", "manager", "senior", "ml-platform", { lead: true }),
  p("priya.nair", "Priya Nair", "manager", "senior", "applied-ml", { lead: true }),
  p("chih-hao.lee", "Chih-Hao Lee", "manager", "senior", "data-engineering", { lead: true, locale: "zh-TW" }),
  // ML Platform.
  p("jun.huang", "Jun Huang", "member", "senior", "ml-platform", { locale: "zh-TW" }),
  p("sofia.rossi", "Sofia Rossi", "member", "mid-level", "ml-platform"),
  p("yu-ting.tsai", "Yu-Ting Tsai", "member", "mid-level", "ml-platform", { locale: "zh-TW" }),
  p("daniel.okafor", "Daniel Okafor", "member", "mid-level", "ml-platform"),
  p("hana.sato", "Hana Sato", "member", "junior", "ml-platform"),
  p("wei-jie.lin", "Wei-Jie Lin", "member", "junior", "ml-platform", { locale: "zh-TW" }),
  p("marta.kowalska", "Marta Kowalska", "member", "mid-level", "ml-platform"),
  p("omar.haddad", "Omar Haddad", "member", "junior", "ml-platform"),
  // Applied ML.
  p("li-wen.chang", "Li-Wen Chang", "member", "senior", "applied-ml", { locale: "zh-TW" }),
  p("lucas.martin", "Lucas Martin", "member", "mid-level", "applied-ml"),
  p("ananya.rao", "Ananya Rao", "member", "mid-level", "applied-ml"),
  p("kuan-yu.wu", "Kuan-Yu Wu", "member", "junior", "applied-ml", { locale: "zh-TW" }),
  p("emma.schmidt", "Emma Schmidt", "member", "junior", "applied-ml"),
  p("tomas.silva", "Tomás Silva", "member", "mid-level", "applied-ml"),
  p("grace.ho", "Grace Ho", "member", "junior", "applied-ml", { locale: "zh-TW" }),
  p("noah.kim", "Noah Kim", "member", "mid-level", "applied-ml"),
  // Data Engineering.
  p("pei-shan.kuo", "Pei-Shan Kuo", "member", "senior", "data-engineering", { locale: "zh-TW" }),
  p("ben.carter", "Ben Carter", "member", "mid-level", "data-engineering"),
  p("aisha.bello", "Aisha Bello", "member", "mid-level", "data-engineering"),
  p("ming-hsuan.yang", "Ming-Hsuan Yang", "member", "junior", "data-engineering", { locale: "zh-TW" }),
  p("felix.weber", "Felix Weber", "member", "junior", "data-engineering"),
  p("chloe.dubois", "Chloé Dubois", "member", "mid-level", "data-engineering"),
  p("ravi.patel", "Ravi Patel", "member", "junior", "data-engineering"),
  p("yi-chen.hsu", "Yi-Chen Hsu", "member", "junior", "data-engineering", { locale: "zh-TW" }),
];

export const LEVEL_INDEX: Record<DemoPerson["level"], number> = { junior: 0, "mid-level": 1, senior: 2 };

// Which roadmap categories each team leans on; shifts ratings realistically.
export const TEAM_AFFINITY: Record<DemoTeamKey, Record<string, number>> = {
  "ml-platform": {
    "systematic-ci-cd-and-deployment": 1,
    "flexible-highly-available-deployment": 0.8,
    "resource-optimisation": 0.8,
    "operations-and-sla-design": 0.6,
    "environments-and-version-control": 0.5,
    "model-development-support": -0.8,
    "monitoring-and-drift-detection": 0.2,
  },
  "applied-ml": {
    "model-development-support": 1.2,
    "experiment-tracking-and-observation": 1,
    "model-management": 0.6,
    "monitoring-and-drift-detection": 0.4,
    "systematic-ci-cd-and-deployment": -0.6,
    "cloud-resource-planning-and-cost": -0.8,
    "resource-optimisation": -0.5,
  },
  "data-engineering": {
    "automated-data-and-model-workflows": 1.2,
    "monitoring-and-drift-detection": 0.6,
    "automated-governance-and-auditing": 0.5,
    "model-development-support": -0.5,
    "flexible-highly-available-deployment": -1,
    "deployment-in-practice": -0.3,
  },
};

// Shapes the demo must show: skills nobody holds, skills held by exactly one
// person, and interest without proficiency.
export const NOBODY_SKILLS = [
  "flexible-highly-available-deployment.uses-advanced-model-serving-solutions",
  "cloud-resource-planning-and-cost.has-a-deep-understanding-of-resource",
];
export const SINGLE_HOLDER_SKILLS: Record<string, string> = {
  "ml-lifecycle-management.masters-continuous-training-ct-and": `jun.huang@${DEMO_DOMAIN}`,
  "automated-governance-and-auditing.provides-access-control-for-data-and": `pei-shan.kuo@${DEMO_DOMAIN}`,
  "cross-team-collaboration-and-platform.abstracts-the-feature-store-model": `alex.wang@${DEMO_DOMAIN}`,
};

// People who have not started this quarter's self-rating yet (every rating
// of theirs is from an earlier quarter, so all of it is stale).
export const NOT_STARTED_THIS_QUARTER = [`hana.sato@${DEMO_DOMAIN}`, `felix.weber@${DEMO_DOMAIN}`];

export const EVIDENCE_NOTES = [
  "Migrated the ranking model to the shared MLflow registry",
  "Wrote the team's runbook for canary rollouts",
  "Paired with data science on the churn notebook refactor",
  "Set up Grafana dashboards for the feature service",
  "Owned the Airflow DAG for nightly retraining",
  "Presented drift monitoring at the ML guild",
  "https://wiki.acme.test/mlops/postmortem-2026-03",
];
