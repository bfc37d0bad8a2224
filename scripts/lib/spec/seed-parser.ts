// Rebuilds the missing send_sms_campaign_to_filtered_clients page from the seed document
// (spec/seeds/000_a83c03cb8f062dda.txt: the rendered page text, first "Request" block).
// What the seed does not show (the 401/403/404 bodies) is taken from the sibling page
// send_email_campaign_to_filtered_clients, which has the same shape; `x-altegio-source` says so.
import type { PageField, PageModel } from "./model.js";

export const SEEDED_SLUG = "send_sms_campaign_to_filtered_clients";
export const SEED_SIBLING = "send_email_campaign_to_filtered_clients";
export const SEED_NOTE =
  "seed: spec/seeds/000_a83c03cb8f062dda.txt (request, filters, 201 example); 401/403/404 bodies as on send_email_campaign_to_filtered_clients";

const FILTER = /^- (\w+):'([^']*)' \((optional|required), (\w+)\) - (.+)$/;
const TABLE_ROW = /^\| (\w+) \| (\w+) \| (.+?) \|$/;

function field(
  name: string,
  type: string,
  required: boolean,
  description: string,
  exampleRaw?: string,
): PageField {
  const out: PageField = { name, types: [type], required, description, children: [], variants: [] };
  if (exampleRaw !== undefined) out.exampleRaw = exampleRaw;
  return out;
}

export function parseSeed(text: string, sibling: PageModel | undefined): PageModel {
  const lines = text.split("\n");
  const start = lines.findIndex((l) => l.startsWith("The object for creating SMS mailing"));
  const securityAt = lines.findIndex((l, k) => k > start && l === "Security");
  if (start < 0 || securityAt < 0) throw new Error("seed: SMS request block not found");
  const block = lines.slice(start, securityAt);
  const endpoint = lines.find((l) =>
    l.startsWith("- Productionhttps://api.alteg.io/api/v1/sms/clients/by_filter/"),
  );
  const path = endpoint?.replace("- Productionhttps://api.alteg.io/api/v1", "");
  if (!path) throw new Error("seed: production URL of the SMS by_filter operation not found");

  const query: PageField[] = [];
  const body: PageField[] = [];
  for (const line of block) {
    const filter = FILTER.exec(line);
    if (filter) {
      // The seed writes the example with literal quotes (`fullname:'Joh'`), as the email page does.
      query.push(
        field(
          filter[1] ?? "",
          filter[4] ?? "string",
          filter[3] === "required",
          filter[5] ?? "",
          JSON.stringify(`'${filter[2]}'`),
        ),
      );
    }
    const row = TABLE_ROW.exec(line);
    if (row && row[1] !== "Field") body.push(field(row[1] ?? "", row[2] ?? "string", true, row[3] ?? ""));
  }
  const curlBody = /"text": (".*")/.exec(text.slice(text.indexOf("sms/clients/by_filter")));
  if (curlBody?.[1] && body[0]) body[0].exampleRaw = curlBody[1];

  const description = block
    .map((l) => (FILTER.test(l) ? `+ ${l.slice(2)}` : l))
    .join("\n")
    .replace("|---|---|---|", "| ------------- | ------------- | ------------- |")
    .replace(/\n\+ /, "\n#### Client filtering\n+ ");
  const security = lines[securityAt + 1]?.trim();
  const model: PageModel = {
    file: "spec/seeds/000_a83c03cb8f062dda.txt",
    title: "Send SMS campaigns to customers matching the filters",
    description,
    method: "post",
    path,
    parameters: {
      path: [field("location_id", "number", true, "location ID")],
      query,
      header: [],
    },
    request: { mediaType: "application/json", fields: body },
    responses: [
      {
        status: "201",
        mediaType: "application/json",
        fields: [
          field("success", "boolean", false, "Execution success status (true)", "true"),
          field(
            "meta",
            "object",
            false,
            "An object containing a 201 status code message",
            '{"message":"Accepted"}',
          ),
          field("meta.message", "string", false, "", '"Accepted"'),
        ],
      },
      ...(sibling?.responses.filter((r) => Number(r.status) >= 400) ?? []),
    ],
  };
  if (security) model.security = security;
  return model;
}
