/**
 * The generated types are part of the public surface: a user types their own code with them
 * (`paths`, `components`, `operations` from the package root, as openapi-typescript emits them).
 */
import { describe, expectTypeOf, it } from "vitest";
import type { components, operations, paths } from "../../src/index.js";

describe("generated types from the package root", () => {
  it("paths, operations and components are the generated ones, not any", () => {
    expectTypeOf<paths>().not.toBeAny();
    expectTypeOf<keyof paths>().toExtend<string>();
    expectTypeOf<"/company/{location_id}">().toExtend<keyof paths>();
    expectTypeOf<paths["/company/{location_id}"]["get"]>().toExtend<operations[keyof operations]>();
    expectTypeOf<components["schemas"]>().not.toBeAny();
  });

  it("a user's own function can take a response body typed from operations", () => {
    type Location = operations["get_location"]["responses"][200]["content"]["application/json"];
    expectTypeOf<Location>().not.toBeAny();
    expectTypeOf<paths["/company/{location_id}"]["get"]>().toEqualTypeOf<operations["get_location"]>();
  });
});
