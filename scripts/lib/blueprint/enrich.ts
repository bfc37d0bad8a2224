// Issue 7: operations with no Altegio page take their structure from the YCLIENTS v1 API
// Blueprint. Contract: called by the spec converter after the vendor pages are converted and
// before the corrections overlay is applied. Only operations marked `x-altegio-docs: index-only`
// are replaced (never one built from an Altegio page); new schemas go to components/schemas.
import { actionAt, readBlueprint } from "./blueprint.js";
import { blueprintOperation, type OperationObject } from "./operation.js";
import { type Pairing, readPairings } from "./pairings.js";
import type { Schema } from "./schema.js";

export { BLUEPRINT_INPUTS, blueprintProvenance } from "./provenance.js";

export interface EnrichContext {
  /** Repository root (absolute path). */
  root: string;
}

export interface EnrichReport {
  enriched: string[];
  /** Paired in the table but built from an Altegio page, so left alone (the page wins). */
  keptPage: string[];
  droppedExamples: number;
  parseMs: number;
}

export async function enrichFromBlueprint(doc: Record<string, unknown>, ctx: EnrichContext): Promise<void> {
  await enrichWithReport(doc, ctx);
}

/** Same as enrichFromBlueprint, and says what it did (for tests and the build log). */
export async function enrichWithReport(
  doc: Record<string, unknown>,
  ctx: EnrichContext,
): Promise<EnrichReport> {
  const pairings = (await readPairings(ctx.root)).filter((p) => p.decision === "paired");
  const blueprint = await readBlueprint(ctx.root);
  const report: EnrichReport = { enriched: [], keptPage: [], droppedExamples: 0, parseMs: blueprint.parseMs };
  const schemas = componentSchemas(doc);
  for (const pairing of pairings) {
    const operation = operationAt(doc, pairing);
    if (operation["x-altegio-docs"] !== "index-only") {
      report.keptPage.push(pairing.slug);
      continue;
    }
    const action = actionAt(blueprint.actions, pairing.blueprintMethod, pairing.blueprintLine);
    if (action === undefined) {
      throw new Error(
        `${pairing.slug}: no ${pairing.blueprintMethod} action at blueprint line ${pairing.blueprintLine}`,
      );
    }
    const built = blueprintOperation(operation, pairing.altegioPath, action, blueprint.types);
    for (const [name, schema] of Object.entries(built.schemas)) {
      if (name in schemas) throw new Error(`components/schemas/${name} already exists`);
      schemas[name] = schema;
    }
    replaceOperation(doc, pairing, built.operation);
    report.enriched.push(pairing.slug);
    report.droppedExamples += built.droppedExamples;
  }
  return report;
}

function operationAt(doc: Record<string, unknown>, pairing: Pairing): OperationObject {
  const paths = doc.paths as Record<string, Record<string, OperationObject> | undefined> | undefined;
  const operation = paths?.[pairing.altegioPath]?.[pairing.method.toLowerCase()];
  if (operation === undefined || operation.operationId !== pairing.slug) {
    throw new Error(`${pairing.slug}: no operation ${pairing.method} ${pairing.altegioPath} in the document`);
  }
  return operation;
}

function replaceOperation(doc: Record<string, unknown>, pairing: Pairing, operation: OperationObject): void {
  const pathItem = (doc.paths as Record<string, Record<string, OperationObject>>)[pairing.altegioPath];
  if (pathItem !== undefined) pathItem[pairing.method.toLowerCase()] = operation;
}

function componentSchemas(doc: Record<string, unknown>): Record<string, Schema> {
  doc.components ??= {};
  const components = doc.components as Record<string, unknown>;
  components.schemas ??= {};
  return components.schemas as Record<string, Schema>;
}
