export * from "./errors";
export * from "./encoding";
export * from "./authorization-header";
export * from "./base-string";
export * from "./signature";
export * from "./request";
export * from "./access-level";
