// PLACEHOLDER until the blueprint work (issue 7) lands: leaves every index-only operation as it is.
// Contract: called by the spec converter after the vendor pages are converted and before the
// corrections overlay is applied. It may replace the body of operations marked
// `x-altegio-docs: index-only` (never one built from an Altegio page) and add components.
export interface EnrichContext {
  /** Repository root (absolute path). */
  root: string;
}

export async function enrichFromBlueprint(_doc: Record<string, unknown>, _ctx: EnrichContext): Promise<void> {}
