/**
 * Checks on the ids that go into request paths: refused before any request, so a typo never
 * reaches a wrong URL (`/sms/clients/by_id/NaN`).
 */
import { CampaignInputError } from "./errors.js";

function positiveInteger(field: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value <= 0) {
    throw new CampaignInputError(field, `must be a positive integer, got ${String(value)}`);
  }
  return value;
}

/**
 * The location id, or CampaignInputError on `locationId`.
 *
 * @example
 * checkLocationId(37532); // 37532
 * checkLocationId(0);     // throws
 */
export function checkLocationId(locationId: unknown): number {
  return positiveInteger("locationId", locationId);
}

/**
 * The user id, or CampaignInputError on `userId`.
 *
 * @example
 * checkUserId(42); // 42
 */
export function checkUserId(userId: unknown): number {
  return positiveInteger("userId", userId);
}
