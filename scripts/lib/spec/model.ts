// Intermediate model between the vendor Markdown pages and the OpenAPI emitter.
// It keeps what a page says, with no OpenAPI decisions taken yet.

/** One `- \`name\` (types)` entry of a page, with its description, example and enum lines. */
export interface PageField {
  /** Dotted name as written, relative to the enclosing list (e.g. `data.social.instagram`). */
  name: string;
  /** Types as written between the parentheses, e.g. ["number", "null"]; [] for one-of bodies. */
  types: string[];
  required: boolean;
  description: string;
  /** Raw text after `Example: ` (JSON in every page the README checked). */
  exampleRaw?: string;
  /** Raw text after `Enum: `: a JSON list body or `same as \`x\` (N values)`. */
  enumRaw?: string;
  /** Indented `- \`id\`` sub-fields, relative to this field. */
  children: PageField[];
  /** Declared `— one of:`: the `- Title:` lines under it open variants. */
  oneOf?: true;
  /** `— one of:` blocks: each variant is its own field list, relative to this field. */
  variants: PageVariant[];
}

export interface PageVariant {
  title: string;
  fields: PageField[];
}

export type ParameterLocation = "path" | "query" | "header";

export interface PageBody {
  /** Media type between the parentheses of the heading, undefined for bare headings. */
  mediaType?: string;
  fields: PageField[];
}

export interface PageResponse extends PageBody {
  status: string;
}

export interface PageModel {
  /** `pages/<tag>/<slug>.md`, relative to the reference folder. */
  file: string;
  title: string;
  description: string;
  method: string;
  path: string;
  /** The `Security:` line, undefined when the page has none (POST /auth). */
  security?: string;
  parameters: Record<ParameterLocation, PageField[]>;
  request?: PageBody;
  responses: PageResponse[];
}
