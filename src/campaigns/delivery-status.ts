/**
 * POST /delivery/status (pages/notifications/get_message_status_list.md): an SMS provider
 * integration reports the status of a message it delivered. The statuses are the six codes
 * of {@link MESSAGE_STATUS_NAMES}.
 */
import { type CampaignClient, loose } from "./client-shape.js";
import { CampaignInputError } from "./errors.js";
import { isMessageStatusCode, MESSAGE_STATUS_NAMES, type MessageStatusCode } from "./message-status.js";

export interface DeliveryStatusReport {
  /** Message identifier. */
  id: string;
  /** One of 1, 2, 4, 8, 16, 52. */
  status: MessageStatusCode;
  /** Full message cost. */
  paymentSum?: number;
  /** Currency ISO code, e.g. "EUR". */
  currencyIso?: string;
  /** Number of parts (segments) of the message. */
  partsAmount?: number;
}

/**
 * Report one message's delivery status; returns the status name for logging.
 * Unknown status codes are refused before the request.
 *
 * @example
 * await reportDeliveryStatus(client, { id: "msg-1", status: 1, partsAmount: 2 }); // "Delivered"
 */
export async function reportDeliveryStatus(
  client: CampaignClient,
  report: DeliveryStatusReport,
): Promise<(typeof MESSAGE_STATUS_NAMES)[MessageStatusCode]> {
  if (typeof report?.id !== "string" || report.id.trim() === "") {
    throw new CampaignInputError("id", "must be a non-empty string");
  }
  if (!isMessageStatusCode(report.status)) {
    throw new CampaignInputError(
      "status",
      `must be one of ${Object.keys(MESSAGE_STATUS_NAMES).join(", ")}, got ${String(report.status)}`,
    );
  }
  const body: Record<string, unknown> = { id: report.id, status: report.status };
  if (report.paymentSum !== undefined) body.payment_sum = report.paymentSum;
  if (report.currencyIso !== undefined) body.currency_iso = report.currencyIso;
  if (report.partsAmount !== undefined) body.parts_amount = report.partsAmount;
  // The vendor's bundle types the body as an array of statuses (the page shows one object):
  // the catalog outranks the page (spec/reference/catalog-disagreements.tsv), so one is sent as [it].
  await loose(client).POST("/delivery/status", { params: {}, body: [body] });
  return MESSAGE_STATUS_NAMES[report.status];
}
