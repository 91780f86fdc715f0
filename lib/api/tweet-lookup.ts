import { canSeeTweetsOfId } from "@/lib/domain/profiles";
import { getTweets } from "@/lib/domain/tweets";
import { ID_PATTERN } from "@/lib/validation/api";
import type { ApiContext, ApiResult } from "./context";
import { apiErrors, notAuthorizedToSee, resourceNotFound } from "./problems";
import { parseQuery, type QueryRules } from "./query";
import { renderTweets } from "./render";
import { shapeOf, TWEET_SHAPE_RULES } from "./shape";

export const TWEETS_BY_IDS_QUERY: QueryRules = { ids: { kind: "string", maxLength: 100 * 20 }, ...TWEET_SHAPE_RULES };

const ID = new RegExp(ID_PATTERN);

/** The `ids` list of a lookup: 1–100 numeric ids, each once (X's 400 otherwise). */
export function parseIds(raw: string | undefined, name = "ids"): string[] {
  if (raw === undefined) throw apiErrors.invalidRequest([{ parameters: { [name]: [] }, message: `The \`${name}\` query parameter can not be empty` }]);
  const ids = [...new Set(raw.split(","))];
  const bad = ids.filter((id) => !ID.test(id));
  if (bad.length) {
    throw apiErrors.invalidRequest(bad.map((id) => ({ parameters: { [name]: [id] }, message: `The \`${name}\` query parameter value [${id}] does not match ${ID_PATTERN}` })));
  }
  if (ids.length > 100) throw apiErrors.invalidRequest([{ parameters: { [name]: [raw.slice(0, 64)] }, message: `The number of values in the \`${name}\` query parameter list [${ids.length}] is not between 1 and 100` }]);
  return ids;
}

/**
 * GET /2/tweets?ids=…: the Tweets found, in the order asked, with X's partial errors beside them
 * for ids that do not exist or that the caller may not see.
 */
export function lookupTweets(ctx: ApiContext): ApiResult {
  const query = parseQuery(ctx.query, TWEETS_BY_IDS_QUERY);
  const ids = parseIds(query.ids as string | undefined);
  const byId = new Map(getTweets(ctx.db, ids).map((t) => [t.id, t]));
  const errors: Record<string, unknown>[] = [];
  const found = ids.flatMap((id) => {
    const tweet = byId.get(id);
    if (!tweet) errors.push(resourceNotFound("tweet", "ids", id));
    else if (!canSeeTweetsOfId(ctx.db, tweet.authorId, ctx.caller.userId)) errors.push(notAuthorizedToSee("tweet", "ids", id));
    else return [tweet];
    return [];
  });
  const body: Record<string, unknown> = found.length ? renderTweets(ctx, found, shapeOf(query)) : {};
  if (errors.length) body.errors = errors;
  return { body };
}
