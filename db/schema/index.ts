export * from "./core";
export * from "./catalogue";
