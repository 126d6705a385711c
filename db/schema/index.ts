export * from "./core";
export * from "./catalogue";
export * from "./trace";
export * from "./orders";
export * from "./refunds";
export * from "./safety";
export * from "./alliance";
export * from "./fairs";
