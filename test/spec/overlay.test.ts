// One test per choice recorded in spec/corrections.overlay.yaml (and the converter's own choices
// about ODDITIES.md items): each asserts that the choice is what openapi.yaml says.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { casesFor } from "../../contract-tests/support/cases.js";
import { loadSpec as loadContractSpec } from "../../contract-tests/support/spec.js";
import { query } from "../../scripts/lib/spec/jsonpath.js";
import { applyOverlay } from "../../scripts/lib/spec/overlay.js";
import { admittedTypes, navigate } from "./support/locate.js";
import {
  deref,
  examplesIn,
  type Json,
  loadSpec,
  operations,
  ROOT,
  unwrapEnvelope,
} from "./support/openapi.js";

const spec = loadSpec();
const schemas = (spec.components as Json).schemas as Json;
const paths = spec.paths as Json;
const byId = new Map(operations(spec).map((entry) => [String(entry.operation.operationId), entry]));
const op = (slug: string): Json => {
  const entry = byId.get(slug);
  if (!entry) throw new Error(`no operation ${slug}`);
  return entry.operation;
};
/**
 * Walks `properties` (and array `items`, allOf parts, `$ref`s) from a component schema:
 * prop("get_visit_200", "data", "records"). A request body an entity replaced is named by its
 * entity component (`ClientUpdate` for update_client's).
 */
function prop(component: string, ...names: string[]): Json {
  const root = schemas[component];
  if (!root) throw new Error(`no component ${component}`);
  const found = navigate(spec, unwrapEnvelope(deref(spec, root)), names.join("."));
  if (!found) throw new Error(`${component}: no ${names.join(".")}`);
  return found.schema;
}
const param = (slug: string, name: string, where = "query"): Json =>
  ((op(slug).parameters ?? []) as Json[]).find((p) => p.name === name && p.in === where) ?? {};
const types = (schema: Json): string[] => [...(admittedTypes(spec, schema) ?? ["any"])].sort();

describe("corrections overlay", () => {
  const overlayText = readFileSync(join(ROOT, "spec/corrections.overlay.yaml"), "utf8");
  const overlay = parse(overlayText) as {
    overlay: string;
    actions: { target: string; description?: string }[];
  };

  it("is an Overlay 1.0 document whose actions all have a description and follow a comment", () => {
    expect(overlay.overlay).toBe("1.0.0");
    expect(overlay.actions.length).toBeGreaterThan(30);
    for (const action of overlay.actions) expect(action.description, action.target).toBeTruthy();
    // Every group of actions starts right after a `#` comment line.
    const lines = overlayText.split("\n");
    const starts = lines.flatMap((line, k) => (line.startsWith("  - target:") ? [k] : []));
    const uncommented = starts.filter((k) => {
      let j = k - 1;
      while (j >= 0 && /^ {4}/.test(lines[j] ?? "")) j--; // body lines of the previous action
      return (
        !/^\s*#/.test(lines[j] ?? "") &&
        !lines[j]?.startsWith("  - target:") &&
        !/^ {2}- /.test(lines[j] ?? "")
      );
    });
    expect(uncommented).toEqual([]);
  });

  it("DELETE service category (blueprint example: partner token only) needs the user too", () => {
    expect(op("delete_service_category").security).toEqual([{ BearerPartnerUser: [] }]);
    expect(op("delete_service_category")["x-altegio-choice"]).toMatch(/user/);
    // The vendor catalog agrees, and gives the GET on the same path the user token too.
    expect(op("get_service_category").security).toEqual([{ BearerPartnerUser: [] }]);
  });

  it("POST /auth (no Security line) takes the partner token: BearerPartner", () => {
    expect(op("authorize_user").security).toEqual([{ BearerPartner: [] }]);
    expect(op("authorize_user")["x-altegio-choice"]).toMatch(/partner token/);
  });

  it("POST /auth documents the 2FA challenge as 200, conditional (x-altegio-when); a plain login's answer is 201", () => {
    const responses = op("authorize_user").responses as Json;
    expect(Object.keys(responses).filter((s) => s.startsWith("2"))).toEqual(["200", "201"]);
    expect((responses["200"] as Json)["x-altegio-when"]).toMatch(/two-factor/);
    expect((responses["201"] as Json)["x-altegio-when"]).toBeUndefined();
    // The contract suite's unasked-for success is therefore 201, not Prism's lowest 2xx.
    const auth = loadContractSpec(join(ROOT, "openapi.yaml")).operations.find(
      (o) => o.id === "authorize_user",
    );
    expect(auth && casesFor(auth).find((c) => c.isDefaultSuccess)?.status).toBe(201);
  });

  it("paths that already contain /api/v1 get path-level servers at the host root", () => {
    for (const slug of ["search_memberships_for_event", "check_memberships_for_event"]) {
      const entry = byId.get(slug);
      expect(entry?.path.startsWith("/api/v1/")).toBe(true);
      const servers = (paths[entry?.path ?? ""] as Json).servers as Json[];
      expect(servers[0]?.url).toBe("https://api.alteg.io");
    }
  });

  it("fiscalize_document (POST /https://your-api.url) is a callback of print_fiscal_receipt, not a path", () => {
    expect(Object.keys(paths).some((p) => p.includes("your-api.url"))).toBe(false);
    const callback = ((op("print_fiscal_receipt").callbacks as Json).fiscalize_document as Json)[
      "https://your-api.url"
    ] as Json;
    expect((callback.post as Json).operationId).toBe("fiscalize_document");
    expect(byId.get("fiscalize_document")?.via).toBe("callback");
    expect((callback.post as Json)["x-altegio-choice"]).toMatch(/callback/);
  });

  it("the GET with the /labels/{location_id}/{entity} template joins /labels/{location_id}/{tag_id}", () => {
    expect(paths["/labels/{location_id}/{entity}"]).toBeUndefined();
    const item = paths["/labels/{location_id}/{tag_id}"] as Json;
    expect(Object.keys(item).sort()).toEqual(["delete", "get", "put"]);
    const get = item.get as Json;
    expect(get.operationId).toBe("get_tag_list_by_entity");
    expect(get["x-altegio-documented-path"]).toBe("/labels/{location_id}/{entity}");
    expect(param("get_tag_list_by_entity", "tag_id", "path")["x-altegio-documented-name"]).toBe("entity");
    expect(param("get_tag_list_by_entity", "tag_id", "path").schema).toMatchObject({
      enum: ["common", "client", "record", "activity"],
    });
  });

  it("`*/*` request bodies are declared application/json", () => {
    const slugs = [
      "update_visit",
      "bulk_create_clients",
      "update_client",
      "create_client_account_topup_operation",
      "print_fiscal_receipt",
    ];
    for (const slug of slugs) {
      const body = op(slug).requestBody as Json;
      expect(Object.keys(body.content as Json), slug).toEqual(["application/json"]);
      expect(body["x-altegio-media-type"], slug).toBe("*/*");
      expect(body["x-altegio-choice"], slug).toMatch(/application\/json/);
    }
  });

  it("literal quotes around example values are stripped, the vendor value kept", () => {
    expect(param("send_email_campaign_to_filtered_clients", "fullname")).toMatchObject({
      example: "Joh",
      "x-altegio-vendor-example": "'Joh'",
    });
    expect(param("send_sms_campaign_to_filtered_clients", "card")).toMatchObject({ example: "5663rt" });
    expect(param("get_partner_appointment_list", "start_date")).toMatchObject({ example: "17.01.2025" });
    expect(param("upload_image", "entity", "path")).toMatchObject({
      example: "master",
      "x-altegio-vendor-example": '"master"',
    });
    const quoted = examplesIn(spec).filter(
      (s) => typeof s.example === "string" && /^(['"]).*\1$/s.test(s.example),
    );
    expect(quoted.map((s) => s.where)).toEqual([]);
  });

  it("request phone and card numbers stay strings; their examples are strings", () => {
    for (const [component, field] of [
      ["ClientUpdate", "phone"],
      ["ClientUpdate", "card"],
      ["search_client_visits_request", "client_phone"],
      ["create_team_member_quick_request", "phone_number"],
      ["create_team_member_quick_request", "user_phone"],
    ] as const) {
      const schema = prop(component, field);
      expect(schema.type, field).toBe("string");
      expect(typeof schema.example, field).toBe("string");
      expect(typeof schema["x-altegio-vendor-example"], field).toBe("number");
    }
  });

  it("response fields whose examples contradict their type accept both types", () => {
    const widened: [string, string[], string[]][] = [
      ["deprecated_get_client_list_200", ["data", "phone"], ["integer", "number", "string"]],
      ["get_visit_200", ["data", "records", "client", "phone"], ["integer", "number", "string"]],
      ["get_visit_200", ["data", "records", "client", "card"], ["integer", "number", "string"]],
      ["get_user_gift_cards_200", ["data", "number"], ["integer", "number", "string"]],
      ["create_document_200", ["data", "company", "timezone"], ["integer", "number", "string"]],
      [
        "create_inventory_operation_200",
        ["data", "document", "company", "coordinate_lat"],
        ["integer", "number", "string"],
      ],
      ["get_product_200", ["data", "loyalty_abonement_type_id"], ["integer", "number", "string"]],
      [
        "update_transaction_200",
        ["data", "good", "loyalty_allow_empty_code"],
        ["boolean", "integer", "number"],
      ],
      [
        "list_timetable_schedule_day_events_200",
        ["data", "entity_duration"],
        ["integer", "number", "string"],
      ],
      ["get_chain_list_200", ["data", "access", "settings_access"], ["integer", "number", "string"]],
      ["get_comments_200", ["data", "rating"], ["integer", "number", "string"]],
      ["get_tag_list_by_entity_200", ["data", "id"], ["integer", "number", "string"]],
      [
        "get_transactions_by_visit_or_appointment_id_200",
        ["data", "sold_item_type"],
        ["integer", "number", "string"],
      ],
      ["get_user_memberships_200", ["data", "type", "title"], ["integer", "number", "string"]],
      ["search_events_200", ["data", "labels"], ["array", "object"]],
      ["deprecated_get_client_list_200", ["data", "categories"], ["array", "object"]],
      ["ClientUpdate", ["labels"], ["array", "object"]],
      ["VisitUpdate", ["goods_transactions", "price"], ["integer", "number", "string"]],
      [
        "get_client_list_request",
        ["filters", "state", "value"],
        ["array", "boolean", "integer", "number", "string"],
      ],
    ];
    for (const [component, names, expected] of widened) {
      const schema = prop(component, ...names);
      expect(types(schema), `${component} ${names.join(".")}`).toEqual(expected);
      expect(schema.type, `${component} ${names.join(".")}`).toBeUndefined();
      expect(schema["x-altegio-choice"], `${component} ${names.join(".")}`).toBeTruthy();
    }
    // Array-or-object fields keep the documented item shape (beside the anyOf, or in its array
    // branch once the entity union has merged the field with a page that types it array).
    const categories = prop("deprecated_get_client_list_200", "data", "categories");
    const items = (categories.items ??
      ((categories.anyOf ?? []) as Json[]).find((b) => b.type === "array")?.items) as Json;
    expect(Object.keys(items.properties as Json)).toEqual(["id", "title", "color"]);
  });

  it("retypes a money amount (integer → number) and a comment (number → string)", () => {
    expect(prop("get_day_end_report_data_200", "data", "paids", "accounts", "amount").type).toBe("number");
    const comment = prop("FinancialTransactionInput", "comment");
    expect(comment).toMatchObject({ type: "string", "x-altegio-vendor-type": "number" });
  });

  it("user roles: the enum gains the example's slug; access values are string, number or boolean", () => {
    const slug = prop("get_user_roles_200", "data", "slug");
    expect(slug.enum).toContain("staff_member");
    expect(slug["x-altegio-vendor-enum"]).not.toContain("staff_member");
    const value = prop("get_user_roles_200", "data", "user_permissions", "type", "all_access_value");
    expect(types(value)).toEqual(["boolean", "integer", "null", "number", "string"]);
  });

  it("visits search: only client_id or client_phone is required", () => {
    const request = deref(spec, schemas.search_client_visits_request);
    expect(request.required).toBeUndefined();
    expect(request.anyOf).toEqual([{ required: ["client_id"] }, { required: ["client_phone"] }]);
    for (const field of Object.values(request.properties as Json))
      expect((field as Json)["x-altegio-vendor-required"]).toBe(true);
  });

  it("coordinate_lot stays as documented in the create_location request", () => {
    expect(prop("LocationInput", "coordinate_lot")["x-altegio-choice"]).toMatch(/coordinate_lon/);
    expect(prop("create_location_201", "data", "coordinate_lon").type).toBe("number");
  });

  it("alias mix-ups keep the documented names, with a note", () => {
    expect(param("deprecated_get_client_list", "location_id")["x-altegio-choice"]).toMatch(/client id/);
    expect(param("deprecated_get_client_list", "location_id", "path").required).toBe(true);
    expect(param("get_product_category_list_by_ids", "location_id")["x-altegio-choice"]).toMatch(/category/);
    expect(op("get_chain_client_by_phone_number")["x-altegio-choice"]).toMatch(/group_id/);
    expect(param("get_chain_client_by_phone_number", "phone").required).toBe(true);
    expect(prop("get_client_file_list_200", "data", "user_name")["x-altegio-choice"]).toMatch(/username/);
  });

  it("get_permission_list keeps every documented copy of the security_* flags", () => {
    for (const group of [["dashboard"], ["security"], []]) {
      expect(prop("get_permission_list_200", "data", ...group, "security_access").type).toBe("boolean");
    }
    expect(prop("get_permission_list_200", "data", "security")["x-altegio-choice"]).toBeTruthy();
    expect(
      prop("get_permission_list_200", "data", "other", "is_salon_tips_manager")["x-altegio-choice"],
    ).toBeTruthy();
    expect(prop("get_permission_list_200", "data", "clients", "excel_access").type).toBe("boolean");
  });

  it("campaign 201 bodies accept the null `data` their description announces", () => {
    for (const name of [
      "send_email_campaign_to_filtered_clients_201",
      "send_email_newsletter_to_clients_201",
      "send_sms_to_clients_201",
    ]) {
      expect(prop(name, "data"), name).toMatchObject({ type: "string", nullable: true });
    }
  });

  it("email by_filter gains the card filter its description mentions", () => {
    expect(param("send_email_campaign_to_filtered_clients", "card")).toMatchObject({
      in: "query",
      schema: { type: "string" },
    });
    expect(param("send_email_campaign_to_filtered_clients", "card").required).toBeUndefined();
  });

  it("notes kept-as-documented oddities: notification mode enum, GET enable tips, deprecated schedule, base URL", () => {
    expect(prop("update_user_notification_settings_200", "data", "mode").enum).toEqual([
      "admin",
      "staff",
      "disabled",
    ]);
    expect(prop("update_user_notification_settings_200", "data", "mode")["x-altegio-choice"]).toMatch(
      /team_member/,
    );
    expect(byId.get("enable_team_member_tips")?.method).toBe("get");
    expect(op("enable_team_member_tips")["x-altegio-choice"]).toMatch(/GET/);
    expect(op("schedule_team_member_update_deprecated")["x-altegio-choice"]).toMatch(
      /\/company\/\{location_id\}\/staff\/schedule/,
    );
    expect(spec["x-altegio-choice"]).toMatch(/api\/v1/);
  });

  it("marks what `altegio-b2b verify` may call: two searches read only, two GETs change state", () => {
    for (const slug of ["get_client_list", "search_client_visits"]) {
      expect(byId.get(slug)?.method, slug).toBe("post");
      expect(op(slug)["x-altegio-read-only"], slug).toBe(true);
      expect(op(slug)["x-altegio-evidence"], slug).toBeTruthy();
    }
    for (const slug of ["enable_team_member_tips", "generate_loyalty_code"]) {
      expect(byId.get(slug)?.method, slug).toBe("get");
      expect(op(slug)["x-altegio-read-only"], slug).toBe(false);
      expect(op(slug)["x-altegio-evidence"], slug).toBeTruthy();
    }
    // Nothing else carries the mark: a POST marked by mistake would be sent by the verifier.
    const marked = operations(spec).filter((e) => e.operation["x-altegio-read-only"] !== undefined);
    expect(marked.map((e) => String(e.operation.operationId)).sort()).toEqual([
      "enable_team_member_tips",
      "generate_loyalty_code",
      "get_client_list",
      "search_client_visits",
    ]);
  });
});

describe("the overlay's JSONPath is RFC 9535 (jsonpath-rfc9535), as Overlay 1.0 requires", () => {
  const doc = (): Json => ({
    aA: { kept: true },
    list: [
      { name: "a]b", v: 0 },
      { name: "c", v: 1 },
      { name: "d", v: 2 },
      { name: "e", v: 3 },
    ],
  });
  const apply = (target: string, action: { update?: unknown; remove?: boolean }): Json => {
    const d = doc();
    applyOverlay(d, {
      overlay: "1.0.0",
      info: { title: "t", version: "1" },
      actions: [{ target, ...action }],
    });
    return d;
  };

  it("an escaped member name, $['a\\u0041'], selects member aA", () => {
    expect(query(doc(), "$['a\\u0041']").map((m) => m.value)).toEqual([{ kept: true }]);
    expect(apply("$['a\\u0041']", { update: { added: 1 } }).aA).toEqual({ kept: true, added: 1 });
  });

  it("a `]` inside a filter's string literal is part of the literal", () => {
    expect(query(doc(), "$.list[?@.name == 'a]b'].v").map((m) => m.value)).toEqual([0]);
    expect(query(doc(), "$.list[?(@.name == 'a]b' && @.v == 0)]")).toHaveLength(1);
  });

  it("slices select, and remove deletes what they select whatever the order", () => {
    expect(query(doc(), "$.list[1:3].name").map((m) => m.value)).toEqual(["c", "d"]);
    expect(query(doc(), "$.list[::-2].v").map((m) => m.value)).toEqual([3, 1]);
    expect((apply("$.list[1:3]", { remove: true }).list as Json[]).map((x) => x.name)).toEqual(["a]b", "e"]);
    // Selector order [0, 2]: removal still goes highest index first.
    expect((apply("$.list[0,2]", { remove: true }).list as Json[]).map((x) => x.name)).toEqual(["c", "e"]);
  });

  it("an expression RFC 9535 does not allow is refused, naming it", () => {
    expect(() => query(doc(), "$.list[(@.length-1)]")).toThrow(
      /invalid JSONPath \$\.list\[\(@\.length-1\)\]/,
    );
    expect(() => query(doc(), "$.list[?@.name = 'c']")).toThrow(/invalid JSONPath/);
  });
});
