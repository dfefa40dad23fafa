import { z } from "zod";

import { NOTIFICATION_KINDS } from "@/lib/notifications/kinds";

import { uuidSchema } from "./ids";

// Inputs of the email preferences (/me/email), the unsubscribe link and
// /org/notifications (lib/data/notifications.ts).

const kind = z.enum(NOTIFICATION_KINDS, { message: "Unknown kind of email." });

export const emailPreferenceSchema = z.strictObject({ kind, enabled: z.boolean() });

export const unsubscribeSchema = z.strictObject({
  token: z.string().min(1).max(200, { message: "That unsubscribe link is not valid." }),
});

export const DELIVERY_FILTERS = ["problems", "all", "pending", "sent", "dead", "skipped", "expired"] as const;

export const deliveryQuerySchema = z.strictObject({
  status: z.enum(DELIVERY_FILTERS).default("problems"),
  kind: kind.optional(),
});

export const retryNotificationSchema = z.strictObject({ notificationId: uuidSchema });

export const emailScheduleSchema = z.strictObject({
  timeZone: z.string().min(1).max(64),
  reminderDays: z.array(z.int().min(0).max(90)).max(5),
  digestWeekday: z.int().min(0).max(6),
  hour: z.int().min(0).max(23),
});
