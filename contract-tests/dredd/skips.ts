/**
 * Dredd transactions that Dredd 14 cannot check, by operationId → status ("*" = all), with the
 * reason printed by the hookfile. Keep in step with ./README.md. Every entry names a limitation
 * of Dredd; the contract suite checks the same responses with ajv and they pass there.
 */
const HETEROGENEOUS_EXAMPLE =
  "Dredd 14 reports 'Missing required property' for a key the schema does not require: the " +
  "schema's example array has it in some items only. ajv in the contract suite validates this response against the schema";

const EXAMPLE_PREDATES_CATALOG =
  "Dredd 14 builds its expected body from every schema property and reports 'Missing required " +
  "property' for optional fields the vendor catalog adds that the page's example (what Prism serves) " +
  "predates. ajv in the contract suite validates this response against the schema";

const EXAMPLE_PREDATES_EVIDENCE =
  "Dredd 14 builds its expected body from every schema property and reports 'Missing required " +
  "property' for fields a recorded live response adds (evidence undeclared-field correction, " +
  "spec/reference/sources.tsv) that the documented example, which Prism serves, lacks. ajv in the " +
  "contract suite validates this response against the schema";

const EXAMPLE_PREDATES_ENTITY =
  "Dredd 14 builds its expected body from every schema property and reports 'Missing required " +
  "property' for optional fields the entity component unites from the other pages that return it; " +
  "this page's example (what Prism serves) has only its own. ajv in the contract suite validates this response against the schema";

export const DREDD_SKIPS: Record<string, Record<string, string>> = {
  get_service: { "200": `${HETEROGENEOUS_EXAMPLE} (data[].image_group)` },
  get_service_category_list: { "200": `${HETEROGENEOUS_EXAMPLE} (data[].is_chain)` },
  deprecated_get_service_category_list: { "200": `${HETEROGENEOUS_EXAMPLE} (data[].is_chain)` },
  // The list halves of the split GETs (path-split.ts) carry the pages' example arrays.
  get_service_all: { "200": `${HETEROGENEOUS_EXAMPLE} (data[].image_group)` },
  get_service_category_list_all: { "200": `${HETEROGENEOUS_EXAMPLE} (data[].is_chain)` },
  deprecated_get_service_category_list_all: { "200": `${HETEROGENEOUS_EXAMPLE} (data[].is_chain)` },
  get_sale_transaction: { "200": `${HETEROGENEOUS_EXAMPLE} (data.state.items[].document_id)` },
  delete_loyalty_payment_transaction: { "200": `${HETEROGENEOUS_EXAMPLE} (data.state.items[].document_id)` },
  delete_location_account_payment: { "200": `${HETEROGENEOUS_EXAMPLE} (data.state.items[].document_id)` },
  // Fields the catalog merge added (spec/reference/catalog-disagreements.tsv, field-missing).
  create_event: { "200": `${EXAMPLE_PREDATES_CATALOG} (data.comment, data.labels, …)` },
  get_event: { "200": `${EXAMPLE_PREDATES_CATALOG} (data.comment, data.labels, …)` },
  get_client_memberships: { "200": `${EXAMPLE_PREDATES_CATALOG} (data[].activated_date, …)` },
  create_service: { "201": `${EXAMPLE_PREDATES_CATALOG} (data.duration, data.technical_break_duration)` },
  update_team_member: { "200": `${EXAMPLE_PREDATES_CATALOG} (data.company_id, data.user_id, …)` },
  // Fields the evidence corrections added (scripts/lib/evidence/correct.ts, undeclared-field).
  create_client: {
    "201": `${EXAMPLE_PREDATES_EVIDENCE} (data.surname, data.display_name, …; altegio-038.json)`,
  },
  get_team_member_all: {
    "200": `${EXAMPLE_PREDATES_EVIDENCE} (data[].information, data[].employee, …; altegio-047.json)`,
  },
  authorize_client_by_sms_code: {
    "201": `${EXAMPLE_PREDATES_EVIDENCE} (data.id, data.name, …; yclients-006.json)`,
  },
  get_bookable_team_members: {
    "200": `${EXAMPLE_PREDATES_EVIDENCE} (data[].avatar_big, …; altegio-035.json)`,
  },
  // Sites of the entity components (scripts/lib/spec/entities): fields from the entity's other pages.
  get_financial_transaction: { "200": `${EXAMPLE_PREDATES_ENTITY} (data.bill_print_status)` },
  update_financial_transaction: { "200": `${EXAMPLE_PREDATES_ENTITY} (data.bill_print_status)` },
  get_loyalty_card_list_by_phone: { "200": `${EXAMPLE_PREDATES_ENTITY} (data[].…)` },
  get_user_loyalty_cards: { "200": `${EXAMPLE_PREDATES_ENTITY} (data[].…)` },
  get_service_category: { "200": `${EXAMPLE_PREDATES_ENTITY} (data.…)` },
  update_service_category: { "200": `${EXAMPLE_PREDATES_ENTITY} (data.…)` },
  get_document: { "200": `${EXAMPLE_PREDATES_ENTITY} (data.…)` },
  update_document: { "200": `${EXAMPLE_PREDATES_ENTITY} (data.…)` },
  get_transaction: { "200": `${EXAMPLE_PREDATES_ENTITY} (data.operation_unit_type, …)` },
  create_transaction: { "200": `${EXAMPLE_PREDATES_ENTITY} (data.operation_unit_type, …)` },
  duplicate_event: { "200": `${EXAMPLE_PREDATES_ENTITY} (data.…)` },
};
