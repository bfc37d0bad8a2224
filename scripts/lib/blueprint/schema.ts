// The subset of an OpenAPI 3.0.3 Schema Object the blueprint reader produces.
export interface Schema {
  type?: "string" | "number" | "integer" | "boolean" | "object" | "array";
  format?: string;
  description?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  nullable?: boolean;
  default?: unknown;
  example?: unknown;
  $ref?: string;
  [extension: `x-${string}`]: unknown;
}
