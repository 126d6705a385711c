import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { loadMemoisedRouter } from "../../server/route-matching.js";

type Route = { id: string; path?: string; index?: boolean; caseSensitive?: boolean; children?: Route[] };
type Router = { matchRoutes: (routes: Route[], location: string, basename?: string) => { route: Route; params: Record<string, string>; pathname: string; pathnameBase: string }[] | null };

const require = createRequire(import.meta.url);
const file = require.resolve("@remix-run/router");
const original = require(file) as Router;

// The shapes the app's flat routes produce: index, static, params, optional-free nesting, escaped dots, splats.
const routes: Route[] = [
  {
    id: "root",
    path: "",
    children: [
      { id: "routes/_index", index: true },
      { id: "routes/t.$lotId", path: "t/:lotId" },
      { id: "routes/products.$productId", path: "products/:productId" },
      { id: "routes/products_.$productId.$slug", path: "products/:productId/:slug" },
      { id: "routes/products_.$productId.barcode[.svg]", path: "products/:productId/barcode.svg" },
      { id: "routes/01.$", path: "01/*" },
      { id: "routes/[.]well-known.gs1resolver", path: ".well-known/gs1resolver" },
      { id: "routes/api.v1.lots.$lotId.epcis", path: "api/v1/lots/:lotId/epcis" },
      { id: "routes/api.v1.$", path: "api/v1/*" },
      { id: "routes/search", path: "search" },
      {
        id: "routes/dashboard",
        path: "dashboard",
        children: [
          { id: "routes/dashboard._index", index: true },
          { id: "routes/dashboard.lots.$lotId._index", path: "lots/:lotId", index: true },
          { id: "routes/dashboard.lots.$lotId.labels[.]pdf", path: "lots/:lotId/labels.pdf" },
          { id: "routes/dashboard.Orders", path: "Orders", caseSensitive: true },
        ],
      },
      { id: "routes/$", path: "*" },
    ],
  },
];

const paths = [
  "/", "/t/1", "/t/1/", "/T/12", "/products/196", "/products/196/buoi-da-xanh", "/products/196/barcode.svg", "/products/196/barcodeXsvg",
  "/01/08931027000035/10/LOT%201", "/.well-known/gs1resolver", "/api/v1/lots/3/epcis", "/api/v1/nothing/here", "/search", "/SEARCH",
  "/dashboard", "/dashboard/lots/9", "/dashboard/lots/9/labels.pdf", "/dashboard/Orders", "/dashboard/orders", "/nowhere/at/all", "/bưởi",
];

const view = (m: ReturnType<Router["matchRoutes"]>) => m?.map((x) => ({ id: x.route.id, params: x.params, pathname: x.pathname, base: x.pathnameBase })) ?? null;

describe("memoised route matching (server/route-matching.js)", () => {
  it("applies to the installed @remix-run/router", () => {
    expect(loadMemoisedRouter(file)).not.toBeNull();
  });

  it("matches exactly as the router does, on the first call and from its caches", () => {
    const memoised = loadMemoisedRouter(file)!.exports as Router;
    expect(memoised.matchRoutes).not.toBe(original.matchRoutes);
    for (let round = 0; round < 3; round++) {
      for (const p of paths) {
        expect(view(memoised.matchRoutes(routes, p)), p).toEqual(view(original.matchRoutes(routes, p)));
        expect(view(memoised.matchRoutes(routes, p, "/base")), `/base${p}`).toEqual(view(original.matchRoutes(routes, p, "/base")));
      }
    }
    // A second route tree (a new array) is flattened on its own, not served from the first one's branches.
    const other: Route[] = [{ id: "other", path: "t/:x" }];
    expect(view(memoised.matchRoutes(other, "/t/5"))).toEqual([{ id: "other", params: { x: "5" }, pathname: "/t/5", base: "/t/5" }]);
  });
});
