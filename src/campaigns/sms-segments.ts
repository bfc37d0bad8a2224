/**
 * SMS encoding and segment count, computed before anything is sent (SMS are billed per segment).
 *
 * Rules (GSM 03.38 / 3GPP TS 23.038 and 23.040):
 * - A text is sent as **GSM-7** when every character is in the GSM-7 basic table or its
 *   extension table; otherwise the whole text goes as **UCS-2**.
 * - GSM-7: 160 septets in a single SMS, 153 per segment once concatenated (the user data
 *   header takes 7). The extension characters `^ { } \ [ ~ ] | €` and form feed are sent as
 *   ESC + character, so they count **2** septets, and an ESC pair is never split across two
 *   segments (a segment with one septet left moves the pair to the next one).
 * - UCS-2: 70 UTF-16 code units in a single SMS, 67 per segment. Characters outside the BMP
 *   (most emoji) take 2 code units, and a surrogate pair is never split across segments.
 *
 * The Altegio pages say nothing about encodings; these are the carrier rules the provider bills by.
 */

/** GSM-7 basic table (3GPP TS 23.038 §6.2.1), without the ESC code 0x1B. */
const GSM7_BASIC =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
  "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

/** GSM-7 extension table (§6.2.1.1): each is sent as ESC + char, so it costs 2 septets. */
const GSM7_EXTENSION = "\f^{}\\[~]|€";

const basic = new Set(Array.from(GSM7_BASIC));
const extension = new Set(Array.from(GSM7_EXTENSION));

/** Per-segment capacity: single message, then each part of a concatenated one. */
export const SMS_LIMITS = {
  "GSM-7": { single: 160, multipart: 153 },
  "UCS-2": { single: 70, multipart: 67 },
} as const;

export type SmsEncoding = keyof typeof SMS_LIMITS;

export interface SmsTextAnalysis {
  /** `GSM-7` when every character is in the GSM-7 tables, else `UCS-2`. */
  encoding: SmsEncoding;
  /** Characters (Unicode code points) in the text. */
  characters: number;
  /** Septets (GSM-7, extension characters count 2) or UTF-16 code units (UCS-2). */
  units: number;
  /** Segments the text is billed as (0 for an empty text). */
  segments: number;
  /** Units that fit in one segment at this length: 160/70 for a single SMS, 153/67 once split. */
  unitsPerSegment: number;
  /** Distinct characters that forced UCS-2 (empty for GSM-7), to show the user what to replace. */
  nonGsmCharacters: string[];
}

/**
 * Septets one character costs in GSM-7: 1 (basic), 2 (extension) or undefined (not GSM-7).
 *
 * @example
 * gsm7Width("a"); // 1
 * gsm7Width("€"); // 2
 * gsm7Width("я"); // undefined
 */
export function gsm7Width(char: string): 1 | 2 | undefined {
  if (basic.has(char)) return 1;
  if (extension.has(char)) return 2;
  return undefined;
}

/** Greedy fill: a unit group (ESC pair, surrogate pair) never straddles two segments. */
function countSegments(widths: readonly number[], total: number, single: number, multipart: number): number {
  if (total === 0) return 0;
  if (total <= single) return 1;
  let segments = 1;
  let used = 0;
  for (const w of widths) {
    if (used + w > multipart) {
      segments += 1;
      used = 0;
    }
    used += w;
  }
  return segments;
}

/**
 * Encoding, size in units and segment count of an SMS text.
 *
 * @example
 * analyzeSmsText("Hello!");        // { encoding: "GSM-7", units: 6, segments: 1, ... }
 * analyzeSmsText("€".repeat(80));  // GSM-7, 160 septets, 1 segment
 * analyzeSmsText("Привет");        // { encoding: "UCS-2", units: 6, segments: 1, nonGsmCharacters: ["П", ...] }
 */
export function analyzeSmsText(text: string): SmsTextAnalysis {
  const chars = Array.from(text); // code points, so surrogate pairs stay together
  const nonGsm = new Set<string>();
  const gsmWidths: number[] = [];
  for (const c of chars) {
    const w = gsm7Width(c);
    if (w === undefined) nonGsm.add(c);
    else gsmWidths.push(w);
  }
  const encoding: SmsEncoding = nonGsm.size === 0 ? "GSM-7" : "UCS-2";
  const widths = encoding === "GSM-7" ? gsmWidths : chars.map((c) => c.length);
  const units = widths.reduce((a, b) => a + b, 0);
  const { single, multipart } = SMS_LIMITS[encoding];
  return {
    encoding,
    characters: chars.length,
    units,
    segments: countSegments(widths, units, single, multipart),
    unitsPerSegment: units <= single ? single : multipart,
    nonGsmCharacters: [...nonGsm],
  };
}
