"use server";

import { disableWebhook, enableWebhook, redeliverWebhook, registerWebhook } from "@/lib/data/webhooks";
import { redeliverWebhookSchema, registerWebhookSchema, webhookEndpointSchema } from "@/lib/validations/webhooks";

import { action } from "./action";

export const registerWebhookAction = action(registerWebhookSchema, registerWebhook, {
  revalidate: ["/org/webhooks"],
});
export const disableWebhookAction = action(webhookEndpointSchema, disableWebhook, {
  revalidate: ["/org/webhooks"],
  reply: () => null,
});
export const enableWebhookAction = action(webhookEndpointSchema, enableWebhook, {
  revalidate: ["/org/webhooks"],
  reply: () => null,
});
export const redeliverWebhookAction = action(redeliverWebhookSchema, redeliverWebhook, {
  revalidate: ["/org/webhooks"],
  reply: () => null,
});
