export * from "./core";
export * from "./catalogue";
export * from "./trace";
export * from "./orders";
export * from "./harvest";
