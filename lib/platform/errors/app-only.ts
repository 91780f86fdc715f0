import type { ErrorFamily } from "../endpoint";
import { authenticityTokenError } from "../problems";
import { noStoreJson } from "../responses";
import { faultAnswer } from "./shapes";
import { tooManyRequests } from "./oauth2";

/** Thrown by an app-only handler for anything unusable; answered with X's one refusal. */
export class AppOnlyRefusal extends Error {
  constructor() {
    super("Unable to verify your credentials");
    this.name = "AppOnlyRefusal";
  }
}

const refuse = () => noStoreJson(authenticityTokenError(), 403);

/** App-only token endpoints (`/oauth2/token`, `/oauth2/invalidate_token`): every refusal is X's 403 code 99. */
export const appOnlyFamily: ErrorFamily = {
  answer: (err) => (err instanceof AppOnlyRefusal ? refuse() : null),
  badRequest: refuse,
  rateLimited: tooManyRequests,
  invalidParams: refuse,
  fault: (err, req) => faultAnswer("v1", err, req, "app-only endpoint"),
};
