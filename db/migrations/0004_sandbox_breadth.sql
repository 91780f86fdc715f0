CREATE TABLE `follows` (
	`follower_id` text NOT NULL,
	`followee_id` text NOT NULL,
	`pending` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`follower_id`, `followee_id`),
	FOREIGN KEY (`follower_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`followee_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `follows_following_idx` ON `follows` (`follower_id`,`created_at`,`followee_id`);--> statement-breakpoint
CREATE INDEX `follows_followers_idx` ON `follows` (`followee_id`,`created_at`,`follower_id`);--> statement-breakpoint
CREATE TABLE `likes` (
	`user_id` text NOT NULL,
	`tweet_id` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `tweet_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`tweet_id`) REFERENCES `tweets`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `likes_user_idx` ON `likes` (`user_id`,`created_at`,`tweet_id`);--> statement-breakpoint
CREATE INDEX `likes_tweet_idx` ON `likes` (`tweet_id`,`created_at`,`user_id`);--> statement-breakpoint
CREATE TABLE `media` (
	`id` text PRIMARY KEY NOT NULL,
	`owner_user_id` text NOT NULL,
	`app_id` text,
	`media_type` text NOT NULL,
	`media_category` text NOT NULL,
	`total_bytes` integer NOT NULL,
	`state` text DEFAULT 'pending' NOT NULL,
	`width` integer,
	`height` integer,
	`image` blob,
	`image_type` text,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`owner_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`app_id`) REFERENCES `apps`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `media_expires_idx` ON `media` (`expires_at`);--> statement-breakpoint
CREATE TABLE `media_chunks` (
	`media_id` text NOT NULL,
	`segment_index` integer NOT NULL,
	`data` blob NOT NULL,
	PRIMARY KEY(`media_id`, `segment_index`),
	FOREIGN KEY (`media_id`) REFERENCES `media`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `tweet_mentions` (
	`tweet_id` text NOT NULL,
	`user_id` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`tweet_id`, `user_id`),
	FOREIGN KEY (`tweet_id`) REFERENCES `tweets`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `tweet_mentions_user_idx` ON `tweet_mentions` (`user_id`,`created_at`,`tweet_id`);--> statement-breakpoint
DROP INDEX `tweets_author_idx`;--> statement-breakpoint
ALTER TABLE `tweets` ADD `in_reply_to_tweet_id` text;--> statement-breakpoint
ALTER TABLE `tweets` ADD `in_reply_to_user_id` text;--> statement-breakpoint
ALTER TABLE `tweets` ADD `conversation_id` text;--> statement-breakpoint
ALTER TABLE `tweets` ADD `quoted_tweet_id` text;--> statement-breakpoint
ALTER TABLE `tweets` ADD `retweeted_tweet_id` text;--> statement-breakpoint
ALTER TABLE `tweets` ADD `reply_hidden` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `tweets` ADD `media_ids` text;--> statement-breakpoint
ALTER TABLE `tweets` ADD `search_text` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `tweets_created_idx` ON `tweets` (`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `tweets_reply_to_idx` ON `tweets` (`in_reply_to_tweet_id`,`created_at`) WHERE "tweets"."in_reply_to_tweet_id" is not null;--> statement-breakpoint
CREATE INDEX `tweets_reply_user_idx` ON `tweets` (`in_reply_to_user_id`,`created_at`,`id`) WHERE "tweets"."in_reply_to_user_id" is not null;--> statement-breakpoint
CREATE INDEX `tweets_quote_idx` ON `tweets` (`quoted_tweet_id`,`created_at`) WHERE "tweets"."quoted_tweet_id" is not null;--> statement-breakpoint
CREATE INDEX `tweets_retweet_idx` ON `tweets` (`retweeted_tweet_id`,`created_at`,`id`) WHERE "tweets"."retweeted_tweet_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX `tweets_retweet_uq` ON `tweets` (`author_id`,`retweeted_tweet_id`) WHERE "tweets"."retweeted_tweet_id" is not null;--> statement-breakpoint
CREATE INDEX `tweets_author_idx` ON `tweets` (`author_id`,`created_at`,`id`);--> statement-breakpoint
ALTER TABLE `users` ADD `location` text DEFAULT '' NOT NULL;