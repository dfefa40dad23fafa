"use server";

import {
  createDraft,
  discardDraft,
  importFramework,
  moveDraftSkill,
  publishDraft,
  switchTeamVersion,
  updateDraftSkill,
} from "@/lib/data/framework-admin";
import { moveTeamsToLatestVersion } from "@/lib/data/team-versions";
import {
  discardDraftSchema,
  frameworkIdSchema,
  importFrameworkSchema,
  moveDraftSkillSchema,
  switchTeamVersionSchema,
  updateDraftSkillSchema,
} from "@/lib/validations/frameworks";

import { action } from "./action";

// A roadmap change shows on every page that reads the roadmap.
const everything = { revalidate: ["/", "layout"] as ["/", "layout"] };

export const importFrameworkAction = action(importFrameworkSchema, importFramework, everything);
export const createDraftAction = action(frameworkIdSchema, createDraft, everything);
export const updateDraftSkillAction = action(updateDraftSkillSchema, updateDraftSkill, everything);
export const moveDraftSkillAction = action(moveDraftSkillSchema, moveDraftSkill, everything);
export const publishDraftAction = action(frameworkIdSchema, publishDraft, everything);
export const discardDraftAction = action(discardDraftSchema, discardDraft, everything);
export const switchTeamVersionAction = action(switchTeamVersionSchema, switchTeamVersion, everything);
export const moveTeamsToLatestVersionAction = action(frameworkIdSchema, moveTeamsToLatestVersion, everything);
