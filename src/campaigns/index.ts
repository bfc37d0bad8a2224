/**
 * Safe SMS and email campaigns, message status names and notification settings helpers
 * (issue 6). See docs/campaigns.md.
 */
export {
  type CampaignAudience,
  type CampaignFilter,
  FILTER_KEYS,
  type FilterKey,
  type FilterQuoting,
  filterQuery,
  type ResolvedAudience,
  resolveAudience,
} from "./audience.js";
export { checkLocationId, checkUserId } from "./check-ids.js";
export { chunkIds, DEFAULT_CHUNK_SIZE, MAX_CHUNK_SIZE } from "./chunks.js";
export type { CampaignClient } from "./client-shape.js";
export { countMatchingClients } from "./count-audience.js";
export { type DeliveryStatusReport, reportDeliveryStatus } from "./delivery-status.js";
export { type EmailCampaignOptions, sendEmailCampaign } from "./email-campaign.js";
export { CampaignInputError, CampaignSendError, DuplicateSendError } from "./errors.js";
export { defaultIdempotencyRegistry, IdempotencyRegistry } from "./idempotency.js";
export {
  isMessageStatusCode,
  MESSAGE_STATUS_NAMES,
  type MessageStatusCode,
  type MessageStatusName,
  messageStatusName,
} from "./message-status.js";
export {
  getLocationNotificationTypes,
  getUserNotificationSettings,
  NOTIFICATION_TYPES,
  type NotificationChannels,
  type NotificationType,
  type NotificationTypeSetting,
  type UserNotificationSettings,
  updateUserNotificationSettings,
} from "./notification-settings.js";
export type { CampaignOptions } from "./options.js";
export { type SmsCampaignOptions, sendSmsCampaign } from "./sms-campaign.js";
export {
  analyzeSmsText,
  gsm7Width,
  SMS_LIMITS,
  type SmsEncoding,
  type SmsTextAnalysis,
} from "./sms-segments.js";
export { checkEmailContent, checkSmsText, DEFAULT_MAX_SMS_SEGMENTS } from "./text-checks.js";
export type {
  CampaignChannel,
  CampaignDryRun,
  CampaignPath,
  CampaignResult,
  ChunkResult,
  PlannedRequest,
} from "./types.js";
