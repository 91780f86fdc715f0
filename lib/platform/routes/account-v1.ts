import { Hono } from "hono";
import { updateProfileJson, verifyCredentialsJson } from "@/lib/api/account";
import { ENDPOINTS } from "@/lib/api/endpoints";
import { apiEndpoint } from "./api-endpoint";

/**
 * GET /1.1/account/verify_credentials.json and POST /1.1/account/update_profile.json (OAuth 1.0a user context), through the sandbox API's
 * resolver: x-access-level and x-rate-limit-* headers, v1.1 error codes (89, 215, 220, 416, 88).
 */
export const accountV1Routes = new Hono();

accountV1Routes.get("/1.1/account/verify_credentials.json", apiEndpoint(ENDPOINTS.verifyCredentials, (ctx) => verifyCredentialsJson(ctx)));
accountV1Routes.post(
  "/1.1/account/update_profile.json",
  apiEndpoint(ENDPOINTS.updateProfile, (ctx, _c, body, upload) => updateProfileJson(ctx, body, upload.contentType)),
);
