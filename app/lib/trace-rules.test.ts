import { describe, expect, it } from "vitest";
import { certificateStateOn, contributionsExceed, deviceClass, epcisMapping, eventOrderError, lotDateErrors, sprayWithinInterval } from "./trace-rules";

describe("lot rules", () => {
  it("refuses packing before harvest and best-before not after packing", () => {
    expect(lotDateErrors({ harvestDate: "2026-11-10", packingDate: "2026-11-09", bestBeforeDate: "2027-11-09" })).toEqual({ packingDate: "trace.errors.packingBeforeHarvest" });
    expect(lotDateErrors({ harvestDate: "2026-11-10", packingDate: "2026-11-12", bestBeforeDate: "2026-11-11" })).toEqual({ bestBeforeDate: "trace.errors.bestBeforeNotAfterPacking" });
    expect(lotDateErrors({ harvestDate: "2026-11-10", packingDate: "2026-11-10", bestBeforeDate: "2027-05-10" })).toEqual({});
  });

  it("refuses contributions above the lot", () => {
    expect(contributionsExceed(100, [{ quantity: 60 }, { quantity: 40 }])).toBe(false);
    expect(contributionsExceed(100, [{ quantity: 60 }, { quantity: 41 }])).toBe(true);
  });
});

describe("diary order", () => {
  const lot = { harvestDate: "2026-11-10" };
  const existing = [
    { type: "harvesting" as const, eventTime: "2026-11-10T01:00:00.000Z" },
    { type: "packing" as const, eventTime: "2026-11-12T01:00:00.000Z" },
  ];
  it("keeps packing after harvest and planting before it", () => {
    expect(eventOrderError({ type: "packing", eventTime: "2026-11-09T01:00:00.000Z" }, [], lot)).toBe("trace.errors.beforeHarvest");
    expect(eventOrderError({ type: "processing", eventTime: "2026-11-13T01:00:00.000Z" }, existing, lot)).toBe("trace.errors.afterLaterStage");
    expect(eventOrderError({ type: "planting", eventTime: "2026-11-11T01:00:00.000Z" }, existing, lot)).toBe("trace.errors.afterHarvest");
    expect(eventOrderError({ type: "shipping", eventTime: "2026-11-11T01:00:00.000Z" }, existing, lot)).toBe("trace.errors.beforeEarlierStage");
    expect(eventOrderError({ type: "shipping", eventTime: "2026-11-13T01:00:00.000Z" }, existing, lot)).toBeNull();
    expect(eventOrderError({ type: "quality_test", eventTime: "2026-01-01T00:00:00.000Z" }, existing, lot)).toBeNull();
  });

  it("flags a spray whose pre-harvest interval had not run out at harvest", () => {
    const flags = sprayWithinInterval(
      [
        { id: 1, type: "spraying", eventTime: "2026-11-01T01:00:00.000Z", preHarvestIntervalDays: 14 },
        { id: 2, type: "spraying", eventTime: "2026-10-01T01:00:00.000Z", preHarvestIntervalDays: 14 },
        { id: 3, type: "harvesting", eventTime: "2026-11-10T01:00:00.000Z", preHarvestIntervalDays: null },
      ],
      "2026-11-10",
    );
    expect([...flags]).toEqual([1]);
  });

  it("maps harvest, packing and shipping onto EPCIS", () => {
    expect(epcisMapping("harvesting")).toEqual({ epcisType: "ObjectEvent", action: "ADD", bizStep: "commissioning" });
    expect(epcisMapping("packing").epcisType).toBe("TransformationEvent");
    expect(epcisMapping("processing").epcisType).toBe("TransformationEvent");
    expect(epcisMapping("shipping")).toMatchObject({ epcisType: "ObjectEvent", bizStep: "shipping" });
  });
});

describe("certificate state on a day", () => {
  const cert = { status: "verified", issueDate: "2025-01-01", expiryDate: "2026-12-31", decidedAt: null };
  it("tells valid, expired, not yet valid, revoked and unverified apart", () => {
    expect(certificateStateOn(cert, "2026-06-01")).toBe("valid");
    expect(certificateStateOn(cert, "2027-01-01")).toBe("expired");
    expect(certificateStateOn(cert, "2024-12-31")).toBe("notYetValid");
    expect(certificateStateOn({ ...cert, status: "revoked", decidedAt: "2026-08-01T00:00:00Z" }, "2026-06-01")).toBe("valid");
    expect(certificateStateOn({ ...cert, status: "revoked", decidedAt: "2026-08-01T00:00:00Z" }, "2026-09-01")).toBe("revoked");
    expect(certificateStateOn({ ...cert, status: "pending" }, "2026-06-01")).toBe("unverified");
  });
});

describe("device class", () => {
  it("keeps only a coarse class", () => {
    expect(deviceClass("Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit Mobile Safari", false)).toBe("phone");
    expect(deviceClass("Mozilla/5.0 (iPad; CPU OS 17_0)", false)).toBe("tablet");
    expect(deviceClass("Mozilla/5.0 (Windows NT 10.0; Win64; x64)", false)).toBe("desktop");
    expect(deviceClass("Googlebot", true)).toBe("bot");
    expect(deviceClass(null, false)).toBe("other");
  });
});
