export { verifyOAuth1Request, verifySignedRequest, type VerifyOAuth1Result } from "./verify";
export { issueRequestToken, exchangeRequestToken, invalidateAccessToken, verifyCredentials } from "./endpoints";
export {
  loadConsentRequest,
  approveRequestToken,
  denyRequestToken,
  trySignInWithX,
  appendQuery,
  INVALID_REQUEST_TOKEN_MESSAGE,
  type ConsentApp,
  type ConsentRequest,
  type ConsentOutcome,
} from "./consent";
export { REQUEST_TOKEN_TTL_MS } from "./request-tokens";
