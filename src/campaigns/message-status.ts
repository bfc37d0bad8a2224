/**
 * SMS message statuses, as numbered on the vendor page "Getting Message Statuses"
 * (spec/reference/altegio-b2b-v1/pages/notifications/get_message_status_list.md).
 * The numbers look like bit flags but 52 is not a power of two, so they are plain codes.
 */

/** Status code → name, exactly as the vendor table titles them. */
export const MESSAGE_STATUS_NAMES = {
  1: "Delivered",
  2: "Not delivered",
  4: "Sent to phone",
  8: "Transferred to the operator",
  16: "Rejected by operator",
  52: "Not enough funds",
} as const;

export type MessageStatusCode = keyof typeof MESSAGE_STATUS_NAMES;
export type MessageStatusName = (typeof MESSAGE_STATUS_NAMES)[MessageStatusCode];

/**
 * True when `code` is one of the six documented status codes.
 *
 * @example
 * isMessageStatusCode(16); // true
 * isMessageStatusCode(3);  // false
 */
export function isMessageStatusCode(code: unknown): code is MessageStatusCode {
  return typeof code === "number" && Object.hasOwn(MESSAGE_STATUS_NAMES, code);
}

/**
 * Name of a message status code, or `Unknown status <n>` for a code the vendor does not document
 * (kept readable instead of throwing: statuses come from the network).
 *
 * @example
 * messageStatusName(1);  // "Delivered"
 * messageStatusName(52); // "Not enough funds"
 * messageStatusName(3);  // "Unknown status 3"
 */
export function messageStatusName(code: number): MessageStatusName | `Unknown status ${number}` {
  return isMessageStatusCode(code) ? MESSAGE_STATUS_NAMES[code] : `Unknown status ${code}`;
}
