// The entities of the v1 API and where each appears (reviewed code; the schemas are derived by
// pass.ts). Names are the vendor docs' current ones; `alias` is the other name the docs and paths
// use (`/record/…` for an Appointment). A site is `"<operationId>"` (its 2xx `data`, an object or
// the items of an array) or `"<operationId> <status|2xx|request> <dotted path>"` (`.` = the whole
// body). `input`/`update` are request bodies: `<Name>Input` / `<Name>Update`.
import type { Schema } from "../schema-builder.js";

export interface EntitySpec {
  name: string;
  alias?: string;
  description: string;
  returns: string[];
  input?: string[];
  update?: string[];
}

export const ENTITIES: EntitySpec[] = [
  {
    name: "Location",
    alias: "company",
    description: 'A location (the vendor\'s "company", `/company/{location_id}`): a salon or branch.',
    returns: ["get_location", "get_location_list", "create_location", "update_location"],
    input: ["create_location request"],
    update: ["update_location request"],
  },
  {
    name: "Appointment",
    alias: "record",
    description: 'An appointment (the vendor\'s "record", `/record/{location_id}/{record_id}`).',
    returns: ["get_appointment", "get_appointment_list", "create_appointment", "update_appointment"],
    input: ["create_appointment request"],
    update: ["update_appointment request"],
  },
  {
    name: "Client",
    description: "A client of a location (`/client/{location_id}/{id}`).",
    returns: ["get_client", "create_client", "deprecated_get_client_list", "get_client_list"],
    input: ["create_client request"],
    update: ["update_client request"],
  },
  {
    name: "TeamMember",
    alias: "staff",
    description: 'A team member (the vendor\'s "staff", `/staff/{location_id}/{team_member_id}`).',
    returns: [
      "get_team_member",
      "get_team_member_all",
      "get_team_member_list",
      "get_team_member_by_id",
      "deprecated_create_team_member",
      "update_team_member",
      "create_team_member_quick",
    ],
    input: ["deprecated_create_team_member request"],
    update: ["update_team_member request"],
  },
  {
    name: "Service",
    description: "A service a location offers (`/services/{location_id}/{service_id}`).",
    returns: [
      "get_service_list",
      "get_service",
      "get_service_all",
      "search_event_services",
      "create_service",
      "deprecated_get_service_list_by_id",
      "deprecated_update_service_by_id",
      "patch_service",
    ],
    input: ["create_service request"],
    update: ["deprecated_update_service_by_id request", "patch_service request"],
  },
  {
    name: "ServiceCategory",
    description: "A category of services (`/service_category/{location_id}/{id}`).",
    returns: [
      "get_service_category",
      "get_service_category_list",
      "get_service_category_list_all",
      "create_service_category",
      "update_service_category",
      "deprecated_get_service_category_list",
      "deprecated_get_service_category_list_all",
    ],
    input: ["create_service_category request"],
    update: ["update_service_category request"],
  },
  {
    name: "Visit",
    description: "A visit: the appointments a client booked together (`/visits/{visit_id}`).",
    returns: ["get_visit"],
    update: ["update_visit request"],
  },
  {
    name: "Position",
    description:
      "A team member's position (job title) in a chain (`/company/{location_id}/staff/positions`).",
    returns: ["get_position_list", "create_position_quick"],
    input: ["create_position_quick request"],
  },
  {
    name: "Product",
    alias: "good",
    description: 'A product (the vendor\'s "good", `/goods/{location_id}/{product_id}`).',
    returns: ["get_product", "get_products_list", "create_product", "update_product"],
    input: ["create_product request"],
    update: ["update_product request"],
  },
  {
    name: "ProductCategory",
    alias: "goods category",
    description:
      'A product category (the vendor\'s "goods category", `/company/{location_id}/goods_categories/…`).',
    returns: [
      "get_product_category_list",
      "get_product_category_list_by_ids",
      "deprecated_get_product_category_list",
      "create_product_category",
      "update_product_category",
    ],
    input: ["create_product_category request"],
    update: ["update_product_category request"],
  },
  {
    name: "Storage",
    alias: "warehouse",
    description: 'A storage (a "warehouse", `/storages/{location_id}`) that products are kept in.',
    returns: ["get_location_inventories"],
  },
  {
    name: "Document",
    description:
      "A document that inventory and financial transactions belong to (`/storage_operations/documents/{location_id}/{document_id}`).",
    returns: [
      "get_document",
      "create_document",
      "update_document",
      "create_inventory_operation 2xx data.document",
    ],
    input: ["create_document request"],
    update: ["update_document request"],
  },
  {
    name: "ProductTransaction",
    alias: "goods transaction",
    description:
      'An inventory operation on a product (the vendor\'s "goods transaction", `/storage_operations/goods_transactions/{location_id}/{transaction_id}`).',
    returns: [
      "get_transaction",
      "create_transaction",
      "update_transaction",
      "get_document_product_transactions",
      "search_for_product_transactions",
      "create_inventory_operation 2xx data.transactions",
    ],
    input: ["create_transaction request"],
    update: ["update_transaction request"],
  },
  {
    name: "FinancialTransaction",
    description: "A financial transaction (`/finance_transactions/{location_id}/{transaction_id}`).",
    returns: [
      "get_financial_transaction",
      "create_financial_transaction",
      "update_financial_transaction",
      "get_document_financial_transactions",
      "get_transactions_by_visit_or_appointment_id",
    ],
    input: ["create_financial_transaction request"],
    update: ["update_financial_transaction request"],
  },
  {
    name: "Account",
    alias: "cash register",
    description: 'An account: a "cash register" or bank account (`/accounts/{location_id}`).',
    returns: ["get_account_list"],
  },
  {
    name: "LoyaltyCard",
    description: "A client's loyalty card (`/loyalty/cards/…`).",
    returns: [
      "get_loyalty_card_list_by_phone 2xx .",
      "get_loyalty_card_list_by_client_id 2xx .",
      "get_user_loyalty_cards 2xx .",
      "issue_loyalty_card 2xx .",
      "create_loyalty_card_transaction",
      "create_chain_loyalty_card_transaction",
    ],
    input: ["issue_loyalty_card request"],
  },
  {
    name: "LoyaltyCardType",
    alias: "card type",
    description: 'A type of loyalty card (the vendor\'s "card type", `/loyalty/card_types/…`).',
    returns: ["get_loyalty_card_type_list 2xx .", "get_loyalty_card_type_list_for_client 2xx ."],
  },
  {
    name: "Membership",
    alias: "abonement",
    description: 'A membership a client holds (the vendor\'s "abonement", `/loyalty/abonements`).',
    returns: [
      "get_client_memberships",
      "get_user_memberships",
      "chain_loyalty_memberships_freeze",
      "chain_loyalty_memberships_unfreeze",
      "chain_loyalty_memberships_set_period",
      "chain_loyalty_memberships_set_balance",
    ],
  },
  {
    name: "MembershipType",
    alias: "abonement type",
    description:
      'A type of membership (the vendor\'s "abonement type", `/company/{location_id}/loyalty/abonement_types/…`).',
    returns: [
      "get_membership_type_list",
      "get_membership_type_list_by_id",
      "chain_loyalty_membership_types_read",
      "chain_loyalty_membership_types_update",
      "chain_loyalty_membership_types_list",
      "chain_loyalty_membership_types_create",
      "chain_loyalty_membership_types_clone",
    ],
    input: ["chain_loyalty_membership_types_create request"],
    update: ["chain_loyalty_membership_types_update request"],
  },
  {
    name: "Certificate",
    alias: "gift card",
    description: 'A certificate a client holds (a "gift card", `/loyalty/certificates`).',
    returns: ["get_client_gift_cards", "get_user_gift_cards"],
  },
  {
    name: "CertificateType",
    alias: "gift card type",
    description:
      'A type of certificate (a "gift card type", `/company/{location_id}/loyalty/certificate_types/…`).',
    returns: [
      "get_gift_card_type_list",
      "get_gift_card_type_list_by_id",
      "chain_loyalty_certificate_types_list",
      "chain_loyalty_certificate_types_get",
      "chain_loyalty_certificate_types_create",
      "chain_loyalty_certificate_types_update",
    ],
    input: ["chain_loyalty_certificate_types_create request"],
    update: ["chain_loyalty_certificate_types_update request"],
  },
  {
    name: "User",
    description: "A user of the business account, who signs in (`/company/{location_id}/users`).",
    returns: [
      "get_location_users",
      "deprecated_get_location_users",
      // The 201 only: POST /auth's 200 is the second-factor challenge (`{uuid, …}`), not a user.
      "authorize_user 201 data",
      "authorize_client_by_sms_code",
    ],
  },
  {
    name: "Resource",
    description:
      "A resource services need (a room, a device) and its instances (`/resources/{location_id}`).",
    returns: ["get_resource_list"],
  },
  {
    name: "Event",
    alias: "activity",
    description: 'A group event (the vendor\'s "activity", `/activity/{location_id}/{event_id}`).',
    returns: ["get_event", "search_events", "create_event", "update_event", "duplicate_event"],
    input: ["create_event request"],
    update: ["update_event request"],
  },
  {
    name: "BookingForm",
    alias: "booking widget",
    description: 'An online booking form (a "booking widget", `/company/{location_id}/booking_forms`).',
    returns: [
      "get_booking_widget",
      "get_booking_widget_list",
      "create_booking_widget",
      "update_booking_widget",
    ],
    input: ["create_booking_widget request"],
    update: ["update_booking_widget request"],
  },
  {
    name: "Tag",
    alias: "label",
    description: 'A tag on clients or appointments (the vendor\'s "label", `/labels/{location_id}`).',
    returns: ["get_tag_list_by_entity", "create_tag 200"],
    update: ["update_tag_by_tag_id request"],
  },
  {
    name: "CustomField",
    description:
      "A custom field of clients or appointments (`/custom_fields/{field_category}/{location_id}`).",
    returns: ["get_custom_field_list", "create_custom_field", "update_custom_field", "delete_custom_field"],
    input: ["create_custom_field request"],
    update: ["update_custom_field request"],
  },
  {
    name: "Comment",
    alias: "review",
    description:
      'A comment (a "review") a client left on a location or team member (`/comments/{location_id}`).',
    returns: ["get_comments", "leave_comment"],
    input: ["leave_comment request"],
  },
  {
    name: "ClientComment",
    description: "A note on a client's card (`/company/{location_id}/clients/{client_id}/comments`).",
    returns: ["list_client_comments", "create_client_comment"],
    input: ["create_client_comment request"],
  },
  {
    name: "Schedule",
    description:
      "A schedule of recurring appointments or events made from an original one (`/company/{location_id}/schedules`).",
    returns: [
      "create_timetable_event_schedule",
      "search_timetable_event_schedules_by_event",
      "update_timetable_event_schedule",
    ],
    input: ["create_timetable_event_schedule request"],
    update: ["update_timetable_event_schedule request"],
  },
  {
    name: "TeamMemberSchedule",
    description: "A team member's working schedule on a date (`/company/{location_id}/staff/schedule`).",
    returns: ["get_team_member_schedule", "get_team_member_schedule_list", "set_team_member_schedule"],
    update: ["update_team_member_schedule request", "schedule_team_member_update_deprecated request"],
  },
  {
    name: "SalaryScheme",
    description: "A salary scheme, as a team member's salary scheme periods name it.",
    returns: ["get_team_member_salary_schemes 2xx data.salary_scheme"],
  },
  {
    name: "Chain",
    alias: "salon group",
    description: 'A chain of locations (the vendor\'s "salon group", `/groups`).',
    returns: ["get_chain_list"],
  },
];

/**
 * Operations whose `data` looks like an entity (most of its fields are the entity's) but is left
 * inline, each with the reason: merging it would loosen the entity's types for every other site.
 * test/spec/entities.test.ts fails on a look-alike that neither refers to the entity nor is here.
 */
export const NOT_ENTITIES: Record<string, string> = {
  get_bookable_team_members:
    "TeamMember look-alike: the public online-booking API (evidence-first) answers id, rating and the counts as strings where the team-member pages say number",
  get_transactions:
    "FinancialTransaction look-alike: its page types id, amount, expense.id and account.id as strings where every other financial-transaction page says number",
};

/** Shared `meta` shapes: every 2xx body whose `meta` matches becomes a `$ref` to the component. */
export interface MetaSpec {
  name: string;
  description: string;
  matches: (meta: Schema) => boolean;
}

/**
 * The top-level keys of a `meta` typed object. A page typing its `meta` (any) keeps it inline: the
 * union would be (any) too, and the envelope-wrapped pages' object metas are not (any).
 */
const metaKeys = (meta: Schema): string[] => Object.keys((metaObject(meta)?.properties ?? {}) as Schema);

const isEmptyArray = (schema: Schema): boolean =>
  schema.type === "array" && Object.keys((schema.items ?? {}) as Schema).length === 0;

/**
 * The object a `meta` is: itself, or its one object branch when the others are PHP's empty array
 * (`anyOf: [object, []]`, an evidence correction: a `meta` with nothing to say arrives as `[]`).
 */
export function metaObject(meta: Schema): Schema | undefined {
  if (meta.type === "object") return meta;
  const branches = (meta.anyOf ?? []) as Schema[];
  const objects = branches.filter((b) => b.type === "object");
  return objects.length === 1 && branches.every((b) => b.type === "object" || isEmptyArray(b))
    ? objects[0]
    : undefined;
}

export const METAS: MetaSpec[] = [
  {
    name: "EmptyMeta",
    description: "The `meta` of most responses: an empty array.",
    matches: (meta) => meta.type === "array" && Object.keys((meta.items ?? {}) as Schema).length === 0,
  },
  {
    name: "PagingMeta",
    description:
      "The `meta` of a paged list: `total_count`, the number of items in all pages, and the `page`.",
    matches: (meta) => {
      const keys = metaKeys(meta);
      return keys.includes("total_count") && keys.every((k) => k === "page" || k === "total_count");
    },
  },
  {
    // Kept apart from PagingMeta: paginate tells a list's end by `total_count` only where it is documented.
    name: "CountMeta",
    description: "The `meta` of a list that states its size as `count`.",
    matches: (meta) => {
      const keys = metaKeys(meta);
      return keys.length === 1 && keys[0] === "count";
    },
  },
];
