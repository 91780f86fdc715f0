/** X's error bodies, in one place: v1.1 `{"errors":[…]}` and v2 problem JSON. */
export const v1Error = (code: number, message: string) => ({ errors: [{ code, message }] });

export interface Problem {
  title: string;
  detail: string;
  type: string;
  status: number;
  [extra: string]: unknown;
}

export const PROBLEM_BASE = "https://api.twitter.com/2/problems/";

/** X's 429 problem body: the sandbox API and the token endpoints alike. */
export const TOO_MANY_REQUESTS: Problem = { title: "Too Many Requests", detail: "Too Many Requests", type: "about:blank", status: 429 };

export const problems = {
  notFoundRoute: (): Problem => ({
    title: "Not Found Error",
    detail: "Sorry, that page does not exist.",
    type: "about:blank",
    status: 404,
  }),
};

/** App-only token endpoints (`/oauth2/token`, `/oauth2/invalidate_token`): X's 403 code 99 body. */
export const authenticityTokenError = () => ({
  errors: [{ code: 99, label: "authenticity_token_error", message: "Unable to verify your credentials" }],
});
