/**
 * The resources Altegio sends webhook events for, from the YCLIENTS blueprint's webhook group
 * (its resource list and the keys of `/hooks_settings/{company_id}`) and the recorded deliveries.
 * `entities` are the component names the entity pass may give the resource, in order of
 * preference; `operationId` reads the resource and types `data` when none of them exists. The
 * inventory operations use the search's items, not GET one transaction: the recorded deliveries
 * (yclients-011..013) carry `type` as a title string and `good`/`storage` as {id, title}, as the
 * search answers, where the single read answers `type` as an object.
 */
export interface WebhookResource {
  /** The `resource` value of an event. */
  kind: string;
  /** The hooks_settings key that switches the resource's events on. */
  settingsKey: string;
  entities: string[];
  operationId: string;
  description: string;
  /** Where the kind name comes from. */
  evidence: string;
}

export const WEBHOOK_STATUSES = ["create", "update", "delete"] as const;

const BLUEPRINT = "yclients-v1-blueprint/yclientsru.apib, group 'Уведомления о событиях webhooks'";
const SETTINGS_KEY = `${BLUEPRINT}: settings key named like the resource (as the recorded goods_operations_* events show)`;

export const WEBHOOK_RESOURCES: WebhookResource[] = [
  {
    kind: "company",
    settingsKey: "salon",
    entities: ["Location"],
    operationId: "get_location",
    description: "A location (company) was created, changed or deleted.",
    evidence: `${BLUEPRINT}: resource 'company'`,
  },
  {
    kind: "service_category",
    settingsKey: "service_category",
    entities: ["ServiceCategory"],
    operationId: "get_service_category",
    description: "A service category was created, changed or deleted.",
    evidence: `${BLUEPRINT}: resource 'service_category'`,
  },
  {
    kind: "service",
    settingsKey: "service",
    entities: ["Service"],
    operationId: "get_service",
    description: "A service was created, changed or deleted.",
    evidence: `${BLUEPRINT}: resource 'service'`,
  },
  {
    kind: "staff",
    settingsKey: "master",
    entities: ["TeamMember"],
    operationId: "get_team_member",
    description: "A team member (staff) was created, changed or deleted.",
    evidence: "spec/evidence/yclients-016.json (resource 'staff'); the blueprint's resource list",
  },
  {
    kind: "client",
    settingsKey: "client",
    entities: ["Client"],
    operationId: "get_client",
    description: "A client was created, changed or deleted.",
    evidence: "spec/evidence/yclients-014.json (resource 'client'); the blueprint's resource list",
  },
  {
    kind: "record",
    settingsKey: "record",
    entities: ["Appointment"],
    operationId: "get_appointment",
    description: "An appointment (record) was created, changed or deleted.",
    evidence:
      "spec/evidence/yclients-007.json, -015, -017 (resource 'record'); the blueprint's resource list",
  },
  {
    kind: "good",
    settingsKey: "good",
    entities: ["Product"],
    operationId: "get_product",
    description: "A product (good) was created, changed or deleted.",
    evidence: "spec/evidence/yclients-008.json, -009, -010 (resource 'good')",
  },
  {
    kind: "goods_operations_sale",
    settingsKey: "goods_operations_sale",
    entities: ["ProductTransaction"],
    operationId: "search_for_product_transactions",
    description: "A product sale (inventory operation) was recorded, changed or deleted.",
    evidence: "spec/evidence/yclients-012.json (resource 'goods_operations_sale')",
  },
  {
    kind: "goods_operations_receipt",
    settingsKey: "goods_operations_receipt",
    entities: ["ProductTransaction"],
    operationId: "search_for_product_transactions",
    description: "A product receipt (inventory operation) was recorded, changed or deleted.",
    evidence: "spec/evidence/yclients-011.json (resource 'goods_operations_receipt')",
  },
  {
    kind: "goods_operations_consumable",
    settingsKey: "goods_operations_consumable",
    entities: ["ProductTransaction"],
    operationId: "search_for_product_transactions",
    description: "A consumable write-off (inventory operation) was recorded, changed or deleted.",
    evidence: SETTINGS_KEY,
  },
  {
    kind: "goods_operations_stolen",
    settingsKey: "goods_operations_stolen",
    entities: ["ProductTransaction"],
    operationId: "search_for_product_transactions",
    description: "A product write-off (inventory operation) was recorded, changed or deleted.",
    evidence: "spec/evidence/yclients-013.json (resource 'goods_operations_stolen')",
  },
  {
    kind: "goods_operations_move",
    settingsKey: "goods_operations_move",
    entities: ["ProductTransaction"],
    operationId: "search_for_product_transactions",
    description: "A product move between storages (inventory operation) was recorded, changed or deleted.",
    evidence: SETTINGS_KEY,
  },
  {
    kind: "finances_operation",
    settingsKey: "finances_operation",
    entities: ["FinancialTransaction"],
    operationId: "get_financial_transaction",
    description: "A financial transaction was created, changed or deleted.",
    evidence: SETTINGS_KEY,
  },
];
