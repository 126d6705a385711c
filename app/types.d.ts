import "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    cspNonce?: string;
    /** Set by the document entry or a route: server.js may keep this response in the page cache. */
    pageCache?: boolean;
  }
}
