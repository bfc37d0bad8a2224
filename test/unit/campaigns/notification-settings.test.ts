import { describe, expect, it } from "vitest";
import {
  CampaignInputError,
  getLocationNotificationTypes,
  getUserNotificationSettings,
  reportDeliveryStatus,
  updateUserNotificationSettings,
} from "../../../src/campaigns/index.js";
import { clientFor, useLocalServer } from "./local-server.js";

const server = useLocalServer();

const settings = {
  mode: "staff",
  notification_types: [{ type: "record_create_online_staff", channels: { push: 1, sms: 0, email: 1 } }],
};

describe("notification settings helpers", () => {
  it("reads a location's notification types", async () => {
    server.handle(() => ({
      status: 200,
      json: {
        success: true,
        data: [{ type: "license_expire", channels: { push: 1, sms: 1, email: 1 } }],
        meta: { count: 1 },
      },
    }));
    const types = await getLocationNotificationTypes(clientFor(server.baseUrl), 4);
    expect(server.seen.map((s) => [s.method, s.path])).toEqual([
      ["GET", "/notification_settings/4/notification_types"],
    ]);
    expect(types).toEqual([{ type: "license_expire", channels: { push: 1, sms: 1, email: 1 } }]);
  });

  it("reads a user's settings", async () => {
    server.handle(() => ({ status: 200, json: { success: true, data: settings, meta: [] } }));
    const got = await getUserNotificationSettings(clientFor(server.baseUrl), 4, 77);
    expect(server.seen.map((s) => [s.method, s.path])).toEqual([
      ["GET", "/notification_settings/4/users/77"],
    ]);
    expect(got).toEqual(settings);
  });

  it("updates a user's push settings with the vendor body shape", async () => {
    server.handle(() => ({ status: 200, json: { success: true, data: settings, meta: [] } }));
    const got = await updateUserNotificationSettings(clientFor(server.baseUrl), 4, 77, [
      { type: "record_create_online_admin", push: 1 },
      { type: "license_expire", push: 0 },
    ]);
    expect(server.seen[0]?.path).toBe("/notification_settings/4/users/77");
    expect(server.seen[0]?.body).toEqual({
      notification_types: [
        { type: "record_create_online_admin", channels: { push: 1 } },
        { type: "license_expire", channels: { push: 0 } },
      ],
    });
    expect(got.mode).toBe("staff");
  });

  it("refuses unknown types, non-0/1 values and bad ids before any request", async () => {
    const client = clientFor(server.baseUrl);
    const bad = [{ type: "record_nope", push: 1 }] as unknown as Parameters<
      typeof updateUserNotificationSettings
    >[3];
    await expect(updateUserNotificationSettings(client, 4, 77, bad)).rejects.toThrow(/changes\[0\]\.type/);
    const two = [{ type: "license_expire", push: 2 }] as unknown as Parameters<
      typeof updateUserNotificationSettings
    >[3];
    await expect(updateUserNotificationSettings(client, 4, 77, two)).rejects.toThrow(/changes\[0\]\.push/);
    await expect(updateUserNotificationSettings(client, 4, 77, [])).rejects.toBeInstanceOf(
      CampaignInputError,
    );
    await expect(getUserNotificationSettings(client, 4, 0)).rejects.toThrow(/userId/);
    expect(server.seen).toHaveLength(0);
  });
});

describe("reportDeliveryStatus", () => {
  it("posts the vendor fields and returns the status name", async () => {
    server.handle(() => ({ status: 200, json: { success: true, data: null, meta: [] } }));
    const name = await reportDeliveryStatus(clientFor(server.baseUrl), {
      id: "msg-1",
      status: 16,
      paymentSum: 0.05,
      currencyIso: "EUR",
      partsAmount: 2,
    });
    expect(name).toBe("Rejected by operator");
    expect(server.seen.map((s) => [s.method, s.path, s.body])).toEqual([
      [
        "POST",
        "/delivery/status",
        [{ id: "msg-1", status: 16, payment_sum: 0.05, currency_iso: "EUR", parts_amount: 2 }],
      ],
    ]);
  });

  it("refuses an undocumented status code before any request", async () => {
    const report = { id: "m", status: 3 } as unknown as Parameters<typeof reportDeliveryStatus>[1];
    await expect(reportDeliveryStatus(clientFor(server.baseUrl), report)).rejects.toThrow(
      /status: must be one of 1, 2, 4, 8, 16, 52/,
    );
    expect(server.seen).toHaveLength(0);
  });
});
