// Dredd hookfile (second lane, see README.md here). Dredd 14 builds one transaction per
// operation × documented status × response media type from openapi.yaml; this file makes each
// one a request the spec accepts and asks Prism for that transaction's status:
// - Authorization per the operation's security (Dredd 14 applies no OAS3 security);
// - Accept = the media type the transaction expects (both are declared for every response);
// - the URI and JSON body the contract suite builds from the spec's examples (validated with
//   ajv; Dredd would otherwise send invalid vendor examples or none);
// - `Prefer: code=<status>` so Prism answers the documented status.
// The plan comes from scripts/lib/contract/dredd.ts through $DREDD_PLAN. Tokens are dummies for
// Prism; they are never logged.
const fs = require("node:fs");
const hooks = require("hooks");

const plan = JSON.parse(fs.readFileSync(process.env.DREDD_PLAN, "utf8"));
const partner = process.env.DREDD_PARTNER_TOKEN || "dredd-partner-token";
const user = process.env.DREDD_USER_TOKEN || "dredd-user-token";
const seen = new Set();

function authorization(security) {
  if (security.includes("BearerPartnerUser")) return `Bearer ${partner}, User ${user}`;
  if (security.includes("BearerPartner")) return `Bearer ${partner}`;
  if (security.length > 0) return `Bearer ${partner}, User ${user}`;
  return undefined;
}

hooks.beforeEach((transaction, done) => {
  const key = `${transaction.request.method} ${transaction.origin.resourceName}`;
  const op = plan.operations[key];
  if (!op) {
    transaction.fail = `no plan entry for ${key} (scripts/lib/contract/dredd.ts)`;
    return done();
  }
  const status = String(transaction.expected.statusCode);
  const skip = op.skip && (op.skip[status] || op.skip["*"]);
  if (skip) {
    transaction.skip = true;
    // console, not hooks.log: the lane runs Dredd with --loglevel warning, which hides hook logs.
    console.log(`skipped: ${transaction.name}: ${skip}`);
    return done();
  }
  seen.add(transaction.name);
  const headers = transaction.request.headers;
  for (const name of Object.keys(headers)) {
    if (/^(authorization|accept|prefer)$/i.test(name)) delete headers[name];
  }
  const auth = authorization(op.security);
  if (auth) headers.Authorization = auth;
  const expectedType = transaction.expected.headers["Content-Type"];
  headers.Accept = expectedType || plan.mediaType;
  headers.Prefer = `code=${status}`;
  transaction.request.uri = op.uri;
  transaction.fullPath = op.uri;
  if (op.body !== undefined) {
    transaction.request.body = op.body;
    headers["Content-Type"] = op.contentType || "application/json";
  }
  done();
});
