/** Enumerations shared by the database schema, the domain and the forms (no drizzle import here). */
export const TIERS = ["essential", "elevated", "academic", "enterprise"] as const;
export type Tier = (typeof TIERS)[number];
export const ROLES = ["admin", "developer"] as const;
export type Role = (typeof ROLES)[number];
export const ENVIRONMENTS = ["development", "staging", "production"] as const;
export type Environment = (typeof ENVIRONMENTS)[number];
export const PERMISSIONS = ["read", "read-write", "read-write-directmessages"] as const;
export type Permission = (typeof PERMISSIONS)[number];
export const APP_TYPES = ["native", "spa", "web", "bot"] as const;
export type AppType = (typeof APP_TYPES)[number];
export const CONFIDENTIAL_APP_TYPES: readonly AppType[] = ["web", "bot"];
