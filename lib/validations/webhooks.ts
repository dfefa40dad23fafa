import { z } from "zod";

import { WEBHOOK_EVENTS } from "@/lib/webhooks/events";

import { uuidSchema } from "./ids";
import { plainText } from "./text";

// Inputs of /org/webhooks (lib/data/webhooks.ts). The URL's address rules
// depend on the server's configuration, so the data layer checks those.

export const registerWebhookSchema = z.strictObject({
  url: plainText(2000)
    .min(1, { message: "Enter the URL to send events to." })
    .refine((u) => /^https?:\/\//i.test(u), { message: "Use an http:// or https:// URL." }),
  description: plainText(200).default(""),
  events: z
    .array(z.enum(WEBHOOK_EVENTS, { message: "Unknown event." }))
    .min(1, { message: "Choose at least one event." })
    .max(WEBHOOK_EVENTS.length),
});

export const webhookEndpointSchema = z.strictObject({ endpointId: uuidSchema });

export const webhookDeliveriesSchema = z.strictObject({
  endpointId: uuidSchema,
  page: z.int().min(1).max(1000).default(1),
});

export const redeliverWebhookSchema = z.strictObject({ deliveryId: uuidSchema });
