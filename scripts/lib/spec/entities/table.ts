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
      "create_service",
      "deprecated_get_service_list_by_id",
      "deprecated_update_service_by_id",
      "patch_service",
    ],
    input: ["create_service request"],
    update: ["deprecated_update_service_by_id request", "patch_service request"],
  },
];

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
const metaKeys = (meta: Schema): string[] =>
  meta.type === "object" ? Object.keys((meta.properties ?? {}) as Schema) : [];

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
