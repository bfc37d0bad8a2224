/**
 * The `altegio-b2b/campaigns` entry: safe SMS and email campaigns, message status names and
 * notification settings helpers (docs/campaigns.md). Only what a user calls is exported
 * (test/unit/exports.test.ts pins the list); the checks, chunking and audience plumbing behind
 * them stay internal.
 */
export type { CampaignAudience, CampaignFilter, FilterKey, FilterQuoting } from "./audience.js";
export type { CampaignClient } from "./client-shape.js";
export { countMatchingClients } from "./count-audience.js";
export { type DeliveryStatusReport, reportDeliveryStatus } from "./delivery-status.js";
export { type EmailCampaignOptions, sendEmailCampaign } from "./email-campaign.js";
export { CampaignInputError, CampaignSendError, DuplicateSendError } from "./errors.js";
export { IdempotencyRegistry } from "./idempotency.js";
export {
  MESSAGE_STATUS_NAMES,
  type MessageStatusCode,
  type MessageStatusName,
  messageStatusName,
} from "./message-status.js";
export {
  getLocationNotificationTypes,
  getUserNotificationSettings,
  type NotificationChannels,
  type NotificationType,
  type NotificationTypeSetting,
  type UserNotificationSettings,
  updateUserNotificationSettings,
} from "./notification-settings.js";
export type { CampaignOptions } from "./options.js";
export { type SmsCampaignOptions, sendSmsCampaign } from "./sms-campaign.js";
export { analyzeSmsText, type SmsEncoding, type SmsTextAnalysis } from "./sms-segments.js";
export type {
  CampaignChannel,
  CampaignDryRun,
  CampaignPath,
  CampaignResult,
  ChunkResult,
  PlannedRequest,
} from "./types.js";
