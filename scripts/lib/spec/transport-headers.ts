/**
 * Headers the client sets itself (Accept, Content-Type, Authorization), so the spec never has
 * them as parameters (CONTRIBUTING.md), wherever a page or the bundle lists them, also as a
 * query parameter (get_resource_list). `conetnt-type`
 * is a vendor page's typo (ODDITIES.md), dropped like the real name.
 */
export const TRANSPORT_HEADERS: ReadonlySet<string> = new Set([
  "accept",
  "content-type",
  "conetnt-type",
  "authorization",
]);
