/**
 * Small typed helpers over the notification settings operations:
 * - GET  /notification_settings/{location_id}/notification_types (get_location_notification_settings.md)
 * - GET  /notification_settings/{location_id}/users/{user_id}    (no vendor page: INDEX.md only;
 *   assumed to answer like the update below, `{ mode, notification_types }`)
 * - POST /notification_settings/{location_id}/users/{user_id}    (update_user_notification_settings.md)
 * 'staff' in the type names is the vendor's legacy word for team member (update page).
 */

import { checkLocationId, checkUserId } from "./check-ids.js";
import { type CampaignClient, loose } from "./client-shape.js";
import { CampaignInputError } from "./errors.js";

/** The nine notification types (enum of the update page). */
export const NOTIFICATION_TYPES = [
  "record_create_online_staff",
  "record_create_offline_staff",
  "record_delete_staff",
  "record_move_staff",
  "record_create_online_admin",
  "record_create_offline_admin",
  "record_delete_admin",
  "record_move_admin",
  "license_expire",
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

/** 1 = on, 0 = off, per channel. */
export interface NotificationChannels {
  push?: number;
  sms?: number;
  email?: number;
}

export interface NotificationTypeSetting {
  type: NotificationType | (string & {});
  channels: NotificationChannels;
}

export interface UserNotificationSettings {
  /** `admin`, `staff` (team member) or `disabled`. */
  mode?: "admin" | "staff" | "disabled" | (string & {});
  notification_types: NotificationTypeSetting[];
}

function dataOf(result: { data?: unknown }): unknown {
  return (result.data as { data?: unknown } | undefined)?.data;
}

/**
 * Notification types of a location and the channels each goes through.
 *
 * @example
 * const types = await getLocationNotificationTypes(client, 1);
 * types.find((t) => t.type === "license_expire")?.channels.email; // 1
 */
export async function getLocationNotificationTypes(
  client: CampaignClient,
  locationId: number,
): Promise<NotificationTypeSetting[]> {
  const result = await loose(client).GET("/notification_settings/{location_id}/notification_types", {
    params: { path: { location_id: checkLocationId(locationId) } },
  });
  const data = dataOf(result);
  return Array.isArray(data) ? (data as NotificationTypeSetting[]) : [];
}

/**
 * A location user's notification settings.
 *
 * @example
 * const { mode, notification_types } = await getUserNotificationSettings(client, 1, 42);
 */
export async function getUserNotificationSettings(
  client: CampaignClient,
  locationId: number,
  userId: number,
): Promise<UserNotificationSettings> {
  const result = await loose(client).GET("/notification_settings/{location_id}/users/{user_id}", {
    params: { path: { location_id: checkLocationId(locationId), user_id: checkUserId(userId) } },
  });
  return normalizeSettings(dataOf(result));
}

function normalizeSettings(data: unknown): UserNotificationSettings {
  const d = (data ?? {}) as Partial<UserNotificationSettings>;
  return {
    ...(typeof d.mode === "string" ? { mode: d.mode } : {}),
    notification_types: Array.isArray(d.notification_types) ? d.notification_types : [],
  };
}

/**
 * Change a user's PUSH notification settings (the only channel the update page accepts).
 * Unknown types and values other than 0/1 are refused before the request.
 *
 * @example
 * await updateUserNotificationSettings(client, 1, 42, [
 *   { type: "record_create_online_admin", push: 1 },
 *   { type: "license_expire", push: 0 },
 * ]);
 */
export async function updateUserNotificationSettings(
  client: CampaignClient,
  locationId: number,
  userId: number,
  changes: readonly { type: NotificationType; push: 0 | 1 }[],
): Promise<UserNotificationSettings> {
  const location_id = checkLocationId(locationId);
  const user_id = checkUserId(userId);
  if (!Array.isArray(changes) || changes.length === 0) {
    throw new CampaignInputError("changes", "must be a non-empty array of { type, push }");
  }
  const notification_types = changes.map((c, i) => {
    if (!(NOTIFICATION_TYPES as readonly string[]).includes(c?.type)) {
      throw new CampaignInputError(`changes[${i}].type`, `must be one of ${NOTIFICATION_TYPES.join(", ")}`);
    }
    if (c.push !== 0 && c.push !== 1) throw new CampaignInputError(`changes[${i}].push`, "must be 0 or 1");
    return { type: c.type, channels: { push: c.push } };
  });
  const result = await loose(client).POST("/notification_settings/{location_id}/users/{user_id}", {
    params: { path: { location_id, user_id } },
    body: { notification_types },
  });
  return normalizeSettings(dataOf(result));
}
