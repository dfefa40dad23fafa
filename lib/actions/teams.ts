"use server";

import {
  addTeamMember,
  archiveTeam,
  createTeam,
  removeTeamMember,
  updateTeam,
  updateTeamMember,
} from "@/lib/data/team-admin";
import {
  addTeamMemberSchema,
  archiveTeamSchema,
  createTeamSchema,
  removeTeamMemberSchema,
  updateTeamMemberSchema,
  updateTeamSchema,
} from "@/lib/validations/teams";

import { action } from "./action";

const teams = { revalidate: ["/teams", "layout"] as ["/teams", "layout"] };

export const createTeamAction = action(createTeamSchema, createTeam, { revalidate: ["/teams"] });
export const updateTeamAction = action(updateTeamSchema, updateTeam, teams);
export const archiveTeamAction = action(archiveTeamSchema, archiveTeam, teams);
export const addTeamMemberAction = action(addTeamMemberSchema, addTeamMember, teams);
export const removeTeamMemberAction = action(removeTeamMemberSchema, removeTeamMember, teams);
export const updateTeamMemberAction = action(updateTeamMemberSchema, updateTeamMember, teams);
