import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { splitHref } from "./uri-template.js";

/**
 * An OpenAPI document holding every operation with no Altegio page, shaped as the converter
 * builds them (operationId, tags, summary, path parameters, security, a loose 200 envelope,
 * `x-altegio-docs: index-only`). Lets the enrichment be exercised without the converter.
 */
export async function indexOnlyDocument(root: string): Promise<Record<string, unknown>> {
  const manifest = await readFile(join(root, "spec/reference/altegio-b2b-v1/manifest-all.tsv"), "utf8");
  const titles = await operationTitles(root);
  const paths: Record<string, Record<string, unknown>> = {};
  for (const line of manifest.trim().split("\n").slice(1)) {
    const [tag, slug, method, path, page] = line.split("\t");
    if (
      tag === undefined ||
      slug === undefined ||
      method === undefined ||
      path === undefined ||
      page !== "no"
    )
      continue;
    paths[path] ??= {};
    paths[path][method.toLowerCase()] = {
      operationId: slug,
      tags: [tag],
      summary: titles.get(slug) ?? slug,
      parameters: splitHref(path).pathVariables.map((name) => ({
        name,
        in: "path",
        required: true,
        schema: { type: "string" },
      })),
      security: [{ BearerPartnerUser: [] }],
      responses: {
        "200": {
          description: "OK",
          content: {
            "application/json": { schema: { $ref: "#/components/schemas/Envelope" } },
            "application/vnd.api.v2+json": { schema: { $ref: "#/components/schemas/Envelope" } },
          },
        },
      },
      "x-altegio-docs": "index-only",
    };
  }
  return {
    openapi: "3.0.3",
    info: { title: "index-only fixture", version: "0" },
    paths,
    components: {
      schemas: {
        Envelope: {
          type: "object",
          properties: { success: { type: "boolean" }, data: {}, meta: {} },
        },
      },
    },
  };
}

async function operationTitles(root: string): Promise<Map<string, string>> {
  const operations = await readFile(join(root, "spec/reference/altegio-b2b-v1/operations.tsv"), "utf8");
  const titles = new Map<string, string>();
  for (const line of operations.trim().split("\n").slice(1)) {
    const [, title, , , slug] = line.split("\t");
    if (title !== undefined && slug !== undefined) titles.set(slug, title);
  }
  return titles;
}
