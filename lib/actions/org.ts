"use server";

import { updateOrgSetting, updateOrgSettingSchema } from "@/lib/data/settings";
import { revokeUserSessions, setUserDisabled, setUserRole } from "@/lib/data/users";
import { revokeSessionsSchema, setUserDisabledSchema, setUserRoleSchema } from "@/lib/validations/users";

import { action } from "./action";

export const updateOrgSettingAction = action(updateOrgSettingSchema, updateOrgSetting, { revalidate: ["/", "layout"] });
export const changeUserRoleAction = action(setUserRoleSchema, setUserRole, {
  revalidate: ["/org/people"],
  reply: (r) => ({ role: r.role }),
});
export const setUserAccessAction = action(setUserDisabledSchema, setUserDisabled, {
  revalidate: ["/org/people"],
  reply: (r) => ({ disabled: r.disabled }),
});
export const revokeSessionsAction = action(revokeSessionsSchema, revokeUserSessions, { reply: () => null });
