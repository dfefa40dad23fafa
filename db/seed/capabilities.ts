import type { Bi } from "@/lib/roadmap/types";

export type CapabilitySeed = {
  key: string;
  name: Bi;
  description: Bi;
  importance: 1 | 2 | 3;
  /** Skill keys of the MLOps roadmap, each with the proficiency the capability needs. */
  skills: { key: string; proficiency: number }[];
};

// The platform capabilities of the MLOps roadmap's senior level (platform core
// components, serving strategies, governance, SLOs, cost, lifecycle), each
// tied to the roadmap skills that deliver it. A capability needs its skills
// at "does it independently" (3) unless noted.
const S = {
  tracking: "experiment-tracking-and-observation.uses-tensorboard-and-mlflow-to-record",
  mlflow: "model-management.familiar-with-mlflow-tracking-artifacts",
  naming: "model-management.designs-model-naming-conventions-and",
  platformPlan: "cross-team-collaboration-and-platform.can-plan-an-ml-platform-shared-by-many",
  platformCore: "cross-team-collaboration-and-platform.abstracts-the-feature-store-model",
  pipelines: "automated-data-and-model-workflows.builds-etl-ml-pipelines-for-training",
  modules: "automated-data-and-model-workflows.splits-data-preprocessing-feature",
  ciTools: "systematic-ci-cd-and-deployment.familiar-with-tools-such-as-gitlab-ci",
  k8s: "systematic-ci-cd-and-deployment.builds-a-stable-deployment-environment",
  rollouts: "systematic-ci-cd-and-deployment.knows-how-to-do-rolling-updates-blue",
  servingArch: "flexible-highly-available-deployment.designs-serving-architectures-with",
  servingTools: "flexible-highly-available-deployment.uses-advanced-model-serving-solutions",
  prometheus: "monitoring-and-drift-detection.integrates-prometheus-grafana-to",
  drift: "monitoring-and-drift-detection.uses-evidently-ai-and-great",
  rbac: "automated-governance-and-auditing.provides-access-control-for-data-and",
  records: "automated-governance-and-auditing.designs-record-keeping-for-data-and",
  slo: "operations-and-sla-design.familiar-with-defining-and-putting-slis",
  alerting: "operations-and-sla-design.builds-scalable-monitoring-alerting-and",
  gpuCost: "cloud-resource-planning-and-cost.plans-gpu-tpu-costs-auto-scaling-and",
  cloudPricing: "cloud-resource-planning-and-cost.has-a-deep-understanding-of-resource",
  gpuScheduling: "resource-optimisation.uses-gpu-scheduling-k8s-with-node",
  lifecycle: "ml-lifecycle-management.designs-the-complete-lifecycle-of",
  ctce: "ml-lifecycle-management.masters-continuous-training-ct-and",
} as const;

const at3 = (...keys: string[]) => keys.map((key) => ({ key, proficiency: 3 }));

export const MLOPS_CAPABILITIES: CapabilitySeed[] = [
  {
    key: "experiment-tracking",
    name: { zh: "實驗追蹤", en: "Experiment tracking" },
    description: {
      zh: "以共用平台元件記錄每次訓練的參數、指標與產出。",
      en: "Every training run's parameters, metrics and artifacts recorded on a shared platform component.",
    },
    importance: 2,
    skills: at3(S.tracking, S.mlflow, S.platformCore),
  },
  {
    key: "model-registry",
    name: { zh: "模型註冊中心", en: "Model registry" },
    description: {
      zh: "模型版本、命名與發佈狀態集中管理。",
      en: "Model versions, naming and release stages managed in one place.",
    },
    importance: 3,
    skills: at3(S.mlflow, S.naming, S.platformCore),
  },
  {
    key: "feature-store",
    name: { zh: "特徵倉儲", en: "Feature store" },
    description: {
      zh: "可重用、線上線下一致的特徵。",
      en: "Reusable features, consistent between training and serving.",
    },
    importance: 3,
    skills: at3(S.platformCore, S.modules, S.platformPlan),
  },
  {
    key: "ml-pipelines",
    name: { zh: "自動化訓練與部署 Pipeline", en: "Automated training and deployment pipelines" },
    description: {
      zh: "每次 commit 自動重訓並發佈模型。",
      en: "Every commit can retrain and release a model automatically.",
    },
    importance: 3,
    skills: at3(S.pipelines, S.modules, S.ciTools),
  },
  {
    key: "progressive-serving",
    name: { zh: "Canary / Shadow / A-B 服務", en: "Canary / shadow / A-B serving" },
    description: {
      zh: "多版本並存、逐步放量與安全回滾的模型服務。",
      en: "Model serving with versions side by side, gradual rollout and safe rollback.",
    },
    importance: 3,
    skills: at3(S.servingArch, S.servingTools, S.rollouts, S.k8s),
  },
  {
    key: "drift-monitoring",
    name: { zh: "資料與模型 Drift 監控", en: "Data and model drift monitoring" },
    description: {
      zh: "在使用者發現前偵測資料漂移與模型劣化。",
      en: "Data drift and model degradation detected before users notice.",
    },
    importance: 2,
    skills: at3(S.prometheus, S.drift, S.alerting),
  },
  {
    key: "governance-audit",
    name: { zh: "治理與審計", en: "Governance and audit" },
    description: {
      zh: "資料與模型的存取控制、審計軌跡與合規紀錄。",
      en: "Access control, audit trails and compliance records for data and models.",
    },
    importance: 2,
    skills: at3(S.rbac, S.records),
  },
  {
    key: "slo-operations",
    name: { zh: "SLI / SLO / SLA 維運", en: "SLIs, SLOs and SLAs" },
    description: {
      zh: "可量測的服務目標、告警與回滾機制。",
      en: "Measurable service objectives with alerting and rollback.",
    },
    importance: 2,
    skills: at3(S.slo, S.alerting),
  },
  {
    key: "cost-management",
    name: { zh: "雲端資源與成本管理", en: "Cloud resources and cost management" },
    description: {
      zh: "GPU/TPU 成本規劃、自動擴展與資源隔離。",
      en: "GPU/TPU cost planning, auto-scaling and resource isolation.",
    },
    importance: 2,
    skills: at3(S.gpuCost, S.cloudPricing, S.gpuScheduling),
  },
  {
    key: "continuous-training",
    name: { zh: "持續訓練與持續評估", en: "Continuous training and evaluation" },
    description: {
      zh: "訓練、部署、再訓練、下架的完整生命週期自動化。",
      en: "The full lifecycle (train, deploy, retrain, retire) automated.",
    },
    importance: 3,
    skills: at3(S.lifecycle, S.ctce, S.pipelines),
  },
];
