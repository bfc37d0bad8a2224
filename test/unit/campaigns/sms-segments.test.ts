import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzeSmsText, gsm7Width } from "../../../src/campaigns/sms-segments.js";

const EXTENSION = Array.from("^{}\\[~]|€\f");

describe("analyzeSmsText: GSM-7", () => {
  it("counts plain ASCII as one septet per character", () => {
    expect(analyzeSmsText("Hello!")).toEqual({
      encoding: "GSM-7",
      characters: 6,
      units: 6,
      segments: 1,
      unitsPerSegment: 160,
      nonGsmCharacters: [],
    });
  });

  it("fits 160 septets in one SMS and splits 161 into two of 153", () => {
    expect(analyzeSmsText("a".repeat(160)).segments).toBe(1);
    const s = analyzeSmsText("a".repeat(161));
    expect(s).toMatchObject({ segments: 2, unitsPerSegment: 153, units: 161 });
    expect(analyzeSmsText("a".repeat(306)).segments).toBe(2);
    expect(analyzeSmsText("a".repeat(307)).segments).toBe(3);
  });

  it.each(EXTENSION)("counts extension character %j as two septets", (c) => {
    expect(gsm7Width(c)).toBe(2);
    const s = analyzeSmsText(`a${c}b`);
    expect(s).toMatchObject({ encoding: "GSM-7", characters: 3, units: 4 });
  });

  it("puts 80 euro signs (160 septets) in one SMS, 81 in two", () => {
    expect(analyzeSmsText("€".repeat(80))).toMatchObject({ units: 160, segments: 1 });
    expect(analyzeSmsText("€".repeat(81))).toMatchObject({ units: 162, segments: 2 });
  });

  it("never splits an ESC pair across segments: the pair moves whole to the next segment", () => {
    // 152 letters, then '{' (ESC + '{') would straddle septets 153/154: it moves to segment 2.
    const fits = `${"a".repeat(152)}{${"a".repeat(151)}`; // 152 | 2 + 151 = 153
    expect(analyzeSmsText(fits)).toMatchObject({ units: 305, segments: 2 });
    const spills = `${"a".repeat(152)}{${"a".repeat(152)}`; // 152 | 153 | 1
    // A naive ceil(306 / 153) says 2; the carrier bills 3.
    expect(analyzeSmsText(spills)).toMatchObject({ units: 306, segments: 3 });
  });

  it("keeps GSM-7 accented letters of the basic table at one septet", () => {
    expect(analyzeSmsText("èéùìòÇØøÅåÆæßÉÄÖÑÜäöñüà¿¡§£¥")).toMatchObject({ encoding: "GSM-7", units: 28 });
  });
});

describe("analyzeSmsText: UCS-2 and mixed", () => {
  it("switches the whole text to UCS-2 for one non-GSM character and names it", () => {
    const s = analyzeSmsText("Hello Зоя");
    expect(s).toMatchObject({ encoding: "UCS-2", units: 9, segments: 1, unitsPerSegment: 70 });
    expect(s.nonGsmCharacters).toEqual(["З", "о", "я"]);
  });

  it("fits 70 UCS-2 units in one SMS and splits into 67s beyond", () => {
    expect(analyzeSmsText("я".repeat(70)).segments).toBe(1);
    expect(analyzeSmsText("я".repeat(71))).toMatchObject({ segments: 2, unitsPerSegment: 67 });
    expect(analyzeSmsText("я".repeat(134)).segments).toBe(2);
    expect(analyzeSmsText("я".repeat(135)).segments).toBe(3);
  });

  it("counts an emoji as two UTF-16 units and does not split it", () => {
    expect(analyzeSmsText("😀")).toMatchObject({ encoding: "UCS-2", characters: 1, units: 2 });
    expect(analyzeSmsText("😀".repeat(35)).segments).toBe(1);
    // 66 units + an emoji (2) would straddle the 67 boundary: the emoji goes whole to segment 2.
    const s = analyzeSmsText(`${"я".repeat(66)}😀${"я".repeat(66)}`); // 134 units
    expect(s.units).toBe(134);
    expect(s.segments).toBe(3);
  });

  it("counts extension characters as one unit once the text is UCS-2 (mixed text)", () => {
    const s = analyzeSmsText("€{}я");
    expect(s).toMatchObject({ encoding: "UCS-2", units: 4, characters: 4 });
  });

  it("reports zero segments for an empty text", () => {
    expect(analyzeSmsText("").segments).toBe(0);
  });
});

/**
 * Independent oracle, written the way encoders describe it: encode to a unit stream (ESC + char
 * for extension characters, UTF-16 for UCS-2), then cut every `multipart` units, one unit early
 * when the cut would fall inside an ESC pair or a surrogate pair.
 */
function oracleSegments(text: string): number {
  const gsm = Array.from(text).every((c) => gsm7Width(c) !== undefined);
  const units: string[] = gsm
    ? Array.from(text).flatMap((c) => (gsm7Width(c) === 2 ? ["ESC", c] : [c]))
    : Array.from({ length: text.length }, (_, i) => text[i] ?? "");
  const [single, multipart] = gsm ? [160, 153] : [70, 67];
  if (units.length === 0) return 0;
  if (units.length <= single) return 1;
  let segments = 0;
  for (let pos = 0; pos < units.length; segments++) {
    let take = Math.min(multipart, units.length - pos);
    const last = units[pos + take - 1] ?? "";
    const splitsPair = gsm ? last === "ESC" : /[\uD800-\uDBFF]/.test(last);
    if (take === multipart && pos + take < units.length && splitsPair) take -= 1;
    pos += take;
  }
  return segments;
}

describe("analyzeSmsText: mixed boundaries", () => {
  it("counts extension characters double at the 160 boundary", () => {
    expect(analyzeSmsText(`${"a".repeat(158)}{`)).toMatchObject({ units: 160, segments: 1 });
    expect(analyzeSmsText(`${"a".repeat(159)}€`)).toMatchObject({ units: 161, segments: 2 });
    expect(analyzeSmsText(`${"a".repeat(159)}\f`)).toMatchObject({ units: 161, segments: 2 });
  });

  it("one non-GSM character turns 160 GSM-7 characters into 3 UCS-2 segments", () => {
    expect(analyzeSmsText("a".repeat(160)).segments).toBe(1);
    expect(analyzeSmsText(`${"a".repeat(159)}ą`)).toMatchObject({ encoding: "UCS-2", segments: 3 });
  });
});

describe("analyzeSmsText: properties", () => {
  const basicChar = fc.constantFrom(...Array.from("abcXYZ019 @£$èΔ_!?\n"));
  const extChar = fc.constantFrom(...EXTENSION);
  const ucsChar = fc.constantFrom("я", "ж", "中", "😀", "ą", "ç");

  it("GSM-7: units = basic + 2 × extension, segments match the 160/153 rule with unsplit ESC pairs", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(basicChar, extChar), { maxLength: 800 }), (chars) => {
        const text = chars.join("");
        const s = analyzeSmsText(text);
        const ext = chars.filter((c) => EXTENSION.includes(c)).length;
        expect(s.encoding).toBe("GSM-7");
        expect(s.units).toBe(chars.length + ext);
        if (s.units === 0) expect(s.segments).toBe(0);
        else if (s.units <= 160) expect(s.segments).toBe(1);
        else {
          // At least the naive count; at most one extra segment per ESC pair that could straddle.
          expect(s.segments).toBeGreaterThanOrEqual(Math.ceil(s.units / 153));
          expect(s.segments).toBeLessThanOrEqual(Math.ceil(s.units / 152));
        }
        if (ext === 0 && s.units > 160) expect(s.segments).toBe(Math.ceil(s.units / 153));
      }),
    );
  });

  it("any non-GSM character makes the text UCS-2 with 70/67 segments", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(basicChar, extChar, ucsChar), { maxLength: 400 }),
        ucsChar,
        (chars, forced) => {
          const text = chars.join("") + forced;
          const s = analyzeSmsText(text);
          expect(s.encoding).toBe("UCS-2");
          expect(s.units).toBe(text.length); // UTF-16 code units
          expect(s.nonGsmCharacters).toContain(forced);
          if (s.units <= 70) expect(s.segments).toBe(1);
          else {
            expect(s.segments).toBeGreaterThanOrEqual(Math.ceil(s.units / 67));
            expect(s.segments).toBeLessThanOrEqual(Math.ceil(s.units / 66));
          }
        },
      ),
    );
  });

  it("agrees with the cut-the-unit-stream oracle on random mixed texts", () => {
    const anyChar = fc.oneof(
      { weight: 6, arbitrary: basicChar },
      { weight: 2, arbitrary: extChar },
      { weight: 1, arbitrary: ucsChar },
    );
    fc.assert(
      fc.property(fc.array(anyChar, { maxLength: 700 }), (chars) => {
        const text = chars.join("");
        expect(analyzeSmsText(text).segments).toBe(oracleSegments(text));
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(basicChar, extChar), { minLength: 150, maxLength: 700 }), (chars) => {
        const text = chars.join("");
        expect(analyzeSmsText(text).segments).toBe(oracleSegments(text));
      }),
      { numRuns: 500 },
    );
  });

  it("appending text in the same encoding never lowers the segment count", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 300 }), fc.string({ maxLength: 50 }), (a, b) => {
        const before = analyzeSmsText(a);
        const after = analyzeSmsText(a + b);
        fc.pre(before.encoding === after.encoding);
        expect(after.segments).toBeGreaterThanOrEqual(before.segments);
      }),
    );
  });
});
