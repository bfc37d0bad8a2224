/**
 * Entity types from the package root (issue 10): `Appointment`, `Location`… are the components
 * the operations refer to, so a value read from one operation types a user's own function.
 */
import { describe, expectTypeOf, it } from "vitest";
import type {
  Appointment,
  AppointmentInput,
  Client,
  components,
  Event,
  FinancialTransaction,
  Location,
  LoyaltyCard,
  operations,
  PagingMeta,
  Product,
  ProductInput,
  ServiceCategory,
  TeamMember,
} from "../../src/index.js";

type Json<T> = T extends { content: { "application/json": infer B } } ? B : never;

describe("entity types", () => {
  it("are the named components, not any", () => {
    expectTypeOf<Appointment>().not.toBeAny();
    expectTypeOf<Appointment>().toEqualTypeOf<components["schemas"]["Appointment"]>();
    expectTypeOf<Location>().toEqualTypeOf<components["schemas"]["Location"]>();
    expectTypeOf<Client["id"]>().toExtend<number | undefined>();
    expectTypeOf<TeamMember["name"]>().toExtend<string | undefined>();
  });

  it("are what the operations return and accept", () => {
    type GetLocation = Json<operations["get_location"]["responses"][200]>;
    expectTypeOf<NonNullable<GetLocation["data"]>>().toEqualTypeOf<Location>();
    type ListAppointments = Json<operations["get_appointment_list"]["responses"][200]>;
    expectTypeOf<NonNullable<ListAppointments["data"]>[number]>().toEqualTypeOf<Appointment>();
    // The envelope's own `meta` (object or array) intersects the page's.
    expectTypeOf<NonNullable<ListAppointments["meta"]>>().toExtend<PagingMeta>();
    type CreateAppointment = NonNullable<operations["create_appointment"]["requestBody"]>;
    expectTypeOf<Json<CreateAppointment>>().toExtend<AppointmentInput>();
  });

  it("name the other entities too: products, categories, finance, loyalty, events", () => {
    expectTypeOf<Product>().toEqualTypeOf<components["schemas"]["Product"]>();
    type GetProduct = Json<operations["get_product"]["responses"][200]>;
    expectTypeOf<NonNullable<GetProduct["data"]>>().toEqualTypeOf<Product>();
    type ListProducts = Json<operations["get_products_list"]["responses"][200]>;
    expectTypeOf<NonNullable<ListProducts["data"]>[number]>().toEqualTypeOf<Product>();
    type CreateProduct = NonNullable<operations["create_product"]["requestBody"]>;
    expectTypeOf<Json<CreateProduct>>().toEqualTypeOf<ProductInput>();
    type UpdateCategory = Json<operations["update_service_category"]["responses"][200]>;
    expectTypeOf<NonNullable<UpdateCategory["data"]>[number]>().toEqualTypeOf<ServiceCategory>();
    expectTypeOf<FinancialTransaction["amount"]>().toExtend<number | undefined>();
    // A body that is the card itself (no envelope) is the component.
    type CardsByPhone = Json<operations["get_loyalty_card_list_by_phone"]["responses"][200]>;
    expectTypeOf<CardsByPhone>().toEqualTypeOf<LoyaltyCard>();
    expectTypeOf<Event["capacity"]>().toExtend<number | undefined>();
    // Webhook deliveries carry the same entity.
    type GoodEvent = components["schemas"]["WebhookGoodEvent"];
    expectTypeOf<Product>().toExtend<GoodEvent["data"]>();
  });

  it("type a user's own function", () => {
    const title = (location: Location): string => location.title ?? "";
    expectTypeOf(title).parameter(0).toEqualTypeOf<Location>();
    expectTypeOf<Appointment>().not.toEqualTypeOf<Location>();
    // @ts-expect-error: a Location has no `datetime` (an Appointment does)
    title({ datetime: "2026-01-01" });
  });
});
