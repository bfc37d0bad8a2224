import { describe, expect, it } from "vitest";
import { CampaignInputError } from "../../../src/campaigns/errors.js";
import {
  checkEmailContent,
  checkSmsText,
  DEFAULT_MAX_SMS_SEGMENTS,
} from "../../../src/campaigns/text-checks.js";

function fieldOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(CampaignInputError);
    return (e as CampaignInputError).field;
  }
  throw new Error("expected a refusal");
}

describe("checkSmsText", () => {
  it("refuses empty, blank and non-string texts", () => {
    expect(fieldOf(() => checkSmsText(""))).toBe("text");
    expect(fieldOf(() => checkSmsText("  \n "))).toBe("text");
    expect(fieldOf(() => checkSmsText(undefined))).toBe("text");
  });

  it("returns the analysis for an acceptable text", () => {
    expect(checkSmsText("Sale today!")).toMatchObject({ encoding: "GSM-7", segments: 1, units: 11 });
  });

  it("refuses a text above maxSegments and says why (encoding, offending characters)", () => {
    expect(() => checkSmsText("a".repeat(307), { maxSegments: 2 })).toThrow(/3 SMS segments .*maxSegments 2/);
    expect(checkSmsText("a".repeat(306), { maxSegments: 2 }).segments).toBe(2);
    expect(() => checkSmsText(`${"a".repeat(100)}😀`, { maxSegments: 1 })).toThrow(/UCS-2 because of "😀"/);
  });

  it(`defaults to ${DEFAULT_MAX_SMS_SEGMENTS} segments`, () => {
    expect(checkSmsText("a".repeat(153 * DEFAULT_MAX_SMS_SEGMENTS)).segments).toBe(DEFAULT_MAX_SMS_SEGMENTS);
    expect(() => checkSmsText("a".repeat(153 * DEFAULT_MAX_SMS_SEGMENTS + 1))).toThrow(CampaignInputError);
  });

  it("refuses a nonsensical maxSegments", () => {
    expect(fieldOf(() => checkSmsText("hi", { maxSegments: 0 }))).toBe("maxSegments");
    expect(fieldOf(() => checkSmsText("hi", { maxSegments: 1.5 }))).toBe("maxSegments");
  });
});

describe("checkEmailContent", () => {
  it("requires a subject and a text", () => {
    expect(fieldOf(() => checkEmailContent("", "Body"))).toBe("subject");
    expect(fieldOf(() => checkEmailContent(undefined, "Body"))).toBe("subject");
    expect(fieldOf(() => checkEmailContent("Subject", " "))).toBe("text");
    expect(() => checkEmailContent("Important!", "Dear clients")).not.toThrow();
  });
});
