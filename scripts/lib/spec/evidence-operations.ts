/**
 * Operations that integrations call in production and the YCLIENTS blueprint documents, although
 * Altegio's index and catalog have no such operation (issue 18): computed, not listed by hand.
 * A call of spec/evidence/calls.tsv (method + path, guesses left out) made by at least
 * MIN_INTEGRATIONS distinct integrations, that no operation of the document answers, and that a
 * blueprint action matches segment by segment, becomes an operation built from that action
 * (scripts/lib/blueprint/operation.ts: parameters, bodies and examples from the blueprint, no
 * Russian prose), marked `x-altegio-docs: [evidence, yclients-blueprint]` like the webhook
 * settings, with `x-altegio-evidence` naming the integrations. Today these are the public online
 * booking API (book_*, bookform, i18n, the client's SMS login and bookings) that booking widgets
 * call.
 *
 * Each needs a name (NAMES: operationId and summary, Altegio's parameter names); a new call that
 * meets the rule and has none stops the build, so that nobody ships a derived name unreviewed.
 * Security is the blueprint's: its Authorization example, else SECURITY where the parser misses a
 * badly indented example (book_code's "Authorization: Bearer partner_token").
 */
import { readBlueprint } from "../blueprint/blueprint.js";
import { schemaFromExample } from "../blueprint/example-schema.js";
import { blueprintOperation } from "../blueprint/operation.js";
import { type CallGroup, readCallGroups, routesOf } from "../evidence/calls.js";
import { CALLS_TSV, type Evidence } from "../evidence/files.js";
import { findOperation } from "../evidence/match.js";

type Json = Record<string, unknown>;

export const MIN_INTEGRATIONS = 2;
export const TAG = {
  name: "online-booking",
  description:
    "The public online booking API (booking forms and widgets): not in Altegio's index; called by integrations, typed from the YCLIENTS blueprint",
  "x-displayName": "Online Booking",
};

/** operationId and summary per blueprint action (`METHOD blueprint-path`). */
const NAMES: Record<string, [string, string]> = {
  "GET /bookform/{id}": ["get_booking_form", "Get a booking form's settings"],
  "GET /i18n/{langCode}": ["get_booking_translations", "Get the booking form's translations"],
  "GET /book_services/{company_id}": ["get_bookable_services", "Get services available for booking"],
  "GET /book_staff/{company_id}": ["get_bookable_team_members", "Get team members available for booking"],
  "GET /book_dates/{company_id}": ["get_bookable_dates", "Get dates available for booking"],
  "GET /book_times/{company_id}/{staff_id}/{date}": ["get_bookable_times", "Get times available for booking"],
  "GET /book_staff_seances/{company_id}/{staff_id}": [
    "get_team_member_nearest_sessions",
    "Get a team member's nearest available sessions",
  ],
  "POST /book_code/{company_id}": ["send_booking_sms_code", "Send a phone confirmation code by SMS"],
  "POST /book_check/{company_id}": ["check_booking", "Check booking parameters"],
  "POST /book_record/{company_id}": ["create_booking", "Create an online booking"],
  "PUT /book_record/{company_id}/{record_id}": ["update_booking", "Change an online booking"],
  "POST /user/auth": ["authorize_client_by_sms_code", "Log a client in by phone number and SMS code"],
  "GET /user/records/{record_id}/{record_hash}": ["get_client_booking", "Get a client's booking"],
  "DELETE /user/records/{record_id}/{record_hash}": ["delete_client_booking", "Cancel a client's booking"],
  "POST /activity/{company_id}/{activity_id}/book": ["create_event_booking", "Book a place in an event"],
};

/** Where the parser finds no Authorization example, the blueprint's text (line) says which token. */
const SECURITY: Record<string, string> = {
  // Line 1645: the Headers block is indented one space too far, so the parser drops it.
  "POST /book_code/{company_id}": "BearerPartner",
};

/** The Altegio names of the blueprint's legacy path parameters (INDEX.md: v1 accepts both). */
const PARAMETER_NAMES: Record<string, string> = {
  company_id: "location_id",
  staff_id: "team_member_id",
  record_id: "appointment_id",
  activity_id: "event_id",
};

export interface EvidenceOperation {
  operationId: string;
  method: string;
  path: string;
  call: CallGroup;
  blueprint: { path: string; line: number };
  /** Responses the blueprint gives no (valid JSON) body for, typed from a recorded one: `200 altegio-034.json`. */
  typedFromEvidence: string[];
}

export async function addEvidenceOperations(
  root: string,
  doc: Json,
  evidence: Evidence[],
): Promise<EvidenceOperation[]> {
  const blueprint = await readBlueprint(root);
  const actions = blueprint.actions.map((action) => ({
    action,
    method: action.method.toLowerCase(),
    path: action.path.replace(/\/+$/, ""),
  }));
  const routes = routesOf(doc);
  const paths = doc.paths as Record<string, Json>;
  const schemas = (doc.components as Json).schemas as Json;
  const added: EvidenceOperation[] = [];
  for (const call of readCallGroups(root)) {
    if (call.repos.length < MIN_INTEGRATIONS) continue;
    if (findOperation(routes, call.method, call.path)) continue;
    const match = findOperation(actions, call.method, call.path);
    if (!match) continue;
    const { action } = match;
    const key = `${action.method} ${match.path}`;
    const name = NAMES[key];
    if (!name)
      throw new Error(
        `evidence operations: ${call.key} (${call.repos.length} integrations, blueprint ${key} line ${action.line}) needs a name in NAMES`,
      );
    const [operationId, summary] = name;
    const path = match.path.replace(/\{([^}]+)\}/g, (_, p: string) => `{${PARAMETER_NAMES[p] ?? p}}`);
    const built = blueprintOperation(
      { operationId, tags: [TAG.name], summary },
      path,
      action,
      blueprint.types,
    );
    for (const [schemaName, schema] of Object.entries(built.schemas)) {
      if (schemaName in schemas)
        throw new Error(`evidence operations: components/schemas/${schemaName} exists`);
      schemas[schemaName] = schema;
    }
    const operation = built.operation;
    operation.description = String(operation.description).replace(
      "Altegio publishes no page for this operation",
      `Altegio documents no such operation; ${call.repos.length} integrations call it (${CALLS_TSV})`,
    );
    const typed = typeFromEvidence(operationId, call.method, path, operation, evidence, schemas);
    const scheme = SECURITY[key];
    if (scheme) operation.security = [{ [scheme]: [] }];
    operation["x-altegio-docs"] = ["evidence", "yclients-blueprint"];
    operation["x-altegio-evidence"] =
      `${CALLS_TSV}: ${call.key} called by ${call.repos.length} integrations (${call.repos.join(", ")}); lines ${call.lines.join(", ")}`;
    paths[path] ??= {};
    const item = paths[path] as Json;
    if (item[call.method.toLowerCase()])
      throw new Error(`evidence operations: ${call.method} ${path} exists`);
    item[call.method.toLowerCase()] = operation;
    routes.push({ method: call.method.toLowerCase(), path });
    added.push({
      operationId,
      method: call.method,
      path,
      call,
      blueprint: { path: action.path, line: action.line },
      typedFromEvidence: typed,
    });
  }
  if (added.length > 0) {
    doc.tags ??= [];
    const tags = doc.tags as Json[];
    if (!tags.some((t) => t.name === TAG.name)) tags.push(TAG);
  }
  return added;
}

/**
 * Where the blueprint's example for a documented status is no JSON (book_services' `"data": [
 * "events": …]`) or missing, a recorded body of the operation at that status types it
 * (schemaFromExample: types only, nothing required; no example copied, the recordings hold
 * personal data placeholders). The evidence corrections that run next see the same body.
 */
function typeFromEvidence(
  operationId: string,
  method: string,
  path: string,
  operation: Json,
  evidence: Evidence[],
  schemas: Json,
): string[] {
  const responses = operation.responses as Record<string, Json>;
  const typed: string[] = [];
  for (const e of evidence) {
    if (!findOperation([{ method: method.toLowerCase(), path }], e.method, e.path)) continue;
    // A recording that does not say its status is the documented success (as evidence/check.ts holds it).
    const status =
      e.status === null ? Object.keys(responses).find((s) => s.startsWith("2")) : String(e.status);
    if (status === undefined) continue;
    const response = responses[status];
    const body = e.data_item
      ? { success: true, data: [e.body] }
      : e.data_only
        ? { success: true, data: e.body }
        : e.body;
    const name = `${operationId}_${status}`;
    const recorded = withoutNumericKeys(schemaFromExample(body)) as Json;
    // The envelope's meta is the common Meta (an object, or PHP's empty array), not one recording's.
    if (isObj(recorded.properties) && "meta" in recorded.properties && "Meta" in schemas)
      recorded.properties.meta = { $ref: "#/components/schemas/Meta" };
    if (response?.content !== undefined) {
      const documented = schemas[name] as Json | undefined;
      const merged = documented && envelopeAround(documented, recorded, body);
      if (!merged) continue;
      schemas[name] = {
        ...merged.schema,
        "x-altegio-docs": "evidence, yclients-blueprint",
        "x-altegio-evidence": `evidence ${e.file}: the API answers inside the envelope, the blueprint's attributes leave it out; ${merged.asData ? "they are data's" : "they are not data's fields, so the recording types it"}`,
      };
      typed.push(`${status} ${e.file} (envelope${merged.asData ? ", blueprint fields as data" : ""})`);
      continue;
    }
    schemas[name] = {
      ...recorded,
      "x-altegio-docs": "evidence",
      "x-altegio-evidence": `evidence ${e.file}: the blueprint gives no JSON body for ${status}`,
    };
    const ref = { $ref: `#/components/schemas/${name}` };
    responses[status] = {
      description: typeof response?.description === "string" ? response.description : "OK",
      content: { "application/json": { schema: ref }, "application/vnd.api.v2+json": { schema: ref } },
    };
    typed.push(`${status} ${e.file}`);
  }
  return typed;
}

const isObj = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * A blueprint body schema without the envelope (its MSON attributes describe `data`, or less)
 * held against a recording that has the envelope: the recording's shape, with the blueprint's
 * properties (types, required-ness, example) as `data`'s when `data` has all of them. Undefined
 * when the blueprint declares the envelope or the recording has none.
 */
function envelopeAround(
  documented: Json,
  recorded: Json,
  body: unknown,
): { schema: Json; asData: boolean } | undefined {
  const props = isObj(documented.properties) ? documented.properties : {};
  if ("success" in props || "data" in props || !isObj(body) || !("success" in body)) return undefined;
  const schema = structuredClone(recorded);
  const data = (schema.properties as Json | undefined)?.data as Json | undefined;
  const dataProps = data && isObj(data.properties) ? data.properties : undefined;
  if (!data || !dataProps || !Object.keys(props).every((k) => k in dataProps))
    return { schema, asData: false };
  data.properties = { ...dataProps, ...props };
  if (Array.isArray(documented.required)) data.required = documented.required;
  if (documented.example !== undefined)
    schema.example = { success: true, data: documented.example, meta: [] };
  return { schema, asData: true };
}

/** Numeric keys are PHP list indexes or maps (`data["0"]` beside `user_token`), not fields. */
function withoutNumericKeys(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withoutNumericKeys);
  if (!isObj(schema)) return schema;
  const out: Json = {};
  for (const [k, v] of Object.entries(schema)) out[k] = withoutNumericKeys(v);
  if (isObj(out.properties))
    out.properties = Object.fromEntries(Object.entries(out.properties).filter(([k]) => !/^\d+$/.test(k)));
  return out;
}
