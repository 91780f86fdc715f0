export * from "./formats";
export * from "./hints";
export * from "./hash";
export * from "./encryption";
export { keyMaterial } from "./keys";
