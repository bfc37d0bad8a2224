/**
 * Which list answer a path (or required query) parameter is taken from. This table is the only
 * per-operation knowledge the verifier has; everything else is read from the spec. A rule whose
 * list operation is gone from the spec simply stops applying (its dependants are reported as not
 * checked, with why), so a rebuilt spec never breaks the verifier.
 *
 * `field` says where the value sits in the list's answer: `data[].id` is the `id` of the first
 * item of `data` that has one; `data.main_group_id` a field of an object.
 */
export interface DiscoveryRule {
  param: string;
  /** Only for paths that match (one name, several meanings: `id`, `transaction_id`…). */
  path?: RegExp;
  /** The operation whose answer holds the value, `"GET <path template>"`. */
  from: string;
  field: string;
}

export const DISCOVERY_RULES: readonly DiscoveryRule[] = [
  { param: "chain_id", from: "GET /company/{location_id}", field: "data.main_group_id" },
  { param: "country_id", from: "GET /company/{location_id}", field: "data.country_id" },
  { param: "team_member_id", from: "GET /staff/{location_id}", field: "data[].id" },
  { param: "service_id", from: "GET /services/{location_id}", field: "data[].id" },
  { param: "id", path: /service_categor/, from: "GET /services/{location_id}", field: "data[].category_id" },
  { param: "client_id", from: "GET /clients/{location_id}", field: "data[].id" },
  { param: "id", path: /^\/client\//, from: "GET /clients/{location_id}", field: "data[].id" },
  { param: "phone", from: "GET /clients/{location_id}", field: "data[].phone" },
  { param: "record_id", from: "GET /records/{location_id}", field: "data[].id" },
  { param: "visit_id", from: "GET /records/{location_id}", field: "data[].visit_id" },
  { param: "event_id", from: "GET /activity/{location_id}/search", field: "data[].id" },
  { param: "user_id", from: "GET /company/{location_id}/users", field: "data[].id" },
  { param: "product_id", from: "GET /goods/{location_id}", field: "data[].good_id" },
  {
    param: "category_id",
    path: /goods/,
    from: "GET /goods_categories/multiple/{location_id}",
    field: "data[].id",
  },
  { param: "parent_category_id", from: "GET /goods_categories/multiple/{location_id}", field: "data[].id" },
  { param: "document_id", from: "GET /storages/transactions/{location_id}", field: "data[].document_id" },
  {
    param: "transaction_id",
    path: /goods_transactions/,
    from: "GET /storages/transactions/{location_id}",
    field: "data[].id",
  },
  {
    param: "transaction_id",
    path: /finance_transactions/,
    from: "GET /transactions/{location_id}",
    field: "data[].id",
  },
  { param: "form_id", from: "GET /company/{location_id}/booking_forms", field: "data[].id" },
  {
    param: "loyalty_program_id",
    from: "GET /company/{location_id}/loyalty/programs/search",
    field: "data[].id",
  },
  { param: "type_id", from: "GET /chain/{chain_id}/loyalty/certificate_types", field: "data[].id" },
  {
    param: "loyalty_membership_type_id",
    from: "GET /chain/{chain_id}/loyalty/abonement_types",
    field: "data[].id",
  },
  { param: "deposit_id", from: "GET /deposits/chain/{chain_id}", field: "data[].id" },
  {
    param: "calculation_id",
    from: "GET /company/{location_id}/salary/payroll/staff/{team_member_id}/calculation",
    field: "data[].id",
  },
];

/** Parameters that name the location the run is about. */
export const LOCATION_PARAMS: ReadonlySet<string> = new Set(["location_id", "company_id"]);

/** The operation that proves the token can read the location, asked before anything else. */
export const LOCATION_PROBE = "GET /company/{location_id}";
