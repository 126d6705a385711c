import { describe, expect, it } from "vitest";
import { loader as unknownLoader, action as unknownAction } from "~/routes/api.v1.$";
import { action as productsAction } from "~/routes/api.v1.products";
import { action as cooperativesAction } from "~/routes/api.v1.cooperatives";
import { action as epcisAction } from "~/routes/api.v1.lots.$lotId.epcis";

async function json(response: Response) {
  expect(response.headers.get("Content-Type")).toMatch(/^application\/json/);
  return (await response.json()) as { error: { code: string; message: string } };
}

describe("audit: the JSON API answers JSON errors", () => {
  it("answers an unknown /api/v1 path with a JSON 404", async () => {
    const get = await unknownLoader();
    expect(get.status).toBe(404);
    expect((await json(get)).error.code).toBe("not_found");
    const post = await unknownAction();
    expect(post.status).toBe(404);
    expect((await json(post)).error.code).toBe("not_found");
  });

  it("answers a POST to a read-only API resource with a JSON 405 and an Allow header", async () => {
    for (const action of [productsAction, cooperativesAction, epcisAction]) {
      const response = await action();
      expect(response.status).toBe(405);
      expect(response.headers.get("Allow")).toContain("GET");
      expect((await json(response)).error.code).toBe("method_not_allowed");
    }
  });
});
