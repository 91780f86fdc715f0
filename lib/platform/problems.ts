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

export const problems = {
  notFoundRoute: (): Problem => ({
    title: "Not Found Error",
    detail: "Sorry, that page does not exist.",
    type: "about:blank",
    status: 404,
  }),
};
