"use server";

import { retryNotification, setMyEmailPreference, updateEmailSchedule } from "@/lib/data/notifications";
import { emailPreferenceSchema, emailScheduleSchema, retryNotificationSchema } from "@/lib/validations/notifications";

import { action } from "./action";

export const setEmailPreferenceAction = action(emailPreferenceSchema, setMyEmailPreference, {
  revalidate: ["/me/email"],
});
export const retryNotificationAction = action(retryNotificationSchema, retryNotification, {
  revalidate: ["/org/notifications"],
  reply: () => null,
});
export const updateEmailScheduleAction = action(emailScheduleSchema, updateEmailSchedule, {
  revalidate: ["/org/notifications"],
  reply: () => null,
});
