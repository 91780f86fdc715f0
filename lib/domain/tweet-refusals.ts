import { DomainError } from "./errors";

/** Why a Tweet, retweet or attachment was refused; the API answers each in X's words. */
export type TweetRefusal = "reply_target" | "quote_target" | "media_ids" | "retweet_target";

const MESSAGES: Record<TweetRefusal, string> = {
  reply_target: "You attempted to reply to a Tweet that is deleted or not visible to you.",
  quote_target: "You attempted to quote a Tweet that is deleted or not visible to you.",
  media_ids: "Your media IDs are invalid.",
  retweet_target: "You attempted to retweet a Tweet that is deleted or not visible to you.",
};

export class TweetRefused extends DomainError {
  constructor(readonly reason: TweetRefusal) {
    super(reason === "media_ids" ? "invalid" : "forbidden", MESSAGES[reason]);
    this.name = "TweetRefused";
  }
}
