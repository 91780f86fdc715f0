-- The authentication cache (lib/domain/auth-cache.ts) keeps "credential → principal" answers in
-- process and reads this one row before it uses one: every UPDATE or DELETE of a row such an
-- answer was read from bumps `n`, inside the writer's own transaction, whichever process writes
-- (this server, the admin CLI, a second server). Inserts do not bump it: the cache keeps only
-- positive answers, and a new row cannot change one. oauth2_tokens.used_at (a refresh token being
-- spent, on every refresh) is the one column left out: no cached answer reads it.
CREATE TABLE `auth_epoch` (`id` integer PRIMARY KEY NOT NULL CHECK (`id` = 1), `n` integer NOT NULL);
--> statement-breakpoint
INSERT INTO `auth_epoch` (`id`, `n`) VALUES (1, 0);
--> statement-breakpoint
CREATE TRIGGER `apps_auth_epoch_update` AFTER UPDATE ON `apps` BEGIN UPDATE `auth_epoch` SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `apps_auth_epoch_delete` AFTER DELETE ON `apps` BEGIN UPDATE `auth_epoch` SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `credentials_auth_epoch_update` AFTER UPDATE ON `credentials` BEGIN UPDATE `auth_epoch` SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `credentials_auth_epoch_delete` AFTER DELETE ON `credentials` BEGIN UPDATE `auth_epoch` SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `oauth1_tokens_auth_epoch_update` AFTER UPDATE ON `oauth1_tokens` BEGIN UPDATE `auth_epoch` SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `oauth1_tokens_auth_epoch_delete` AFTER DELETE ON `oauth1_tokens` BEGIN UPDATE `auth_epoch` SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `oauth2_grants_auth_epoch_update` AFTER UPDATE ON `oauth2_grants` BEGIN UPDATE `auth_epoch` SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `oauth2_grants_auth_epoch_delete` AFTER DELETE ON `oauth2_grants` BEGIN UPDATE `auth_epoch` SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `oauth2_tokens_auth_epoch_update` AFTER UPDATE OF `id`, `grant_id`, `kind`, `token_hash`, `expires_at`, `revoked_at`, `created_at` ON `oauth2_tokens` BEGIN UPDATE `auth_epoch` SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `oauth2_tokens_auth_epoch_delete` AFTER DELETE ON `oauth2_tokens` BEGIN UPDATE `auth_epoch` SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `users_auth_epoch_update` AFTER UPDATE ON `users` BEGIN UPDATE `auth_epoch` SET `n` = `n` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `users_auth_epoch_delete` AFTER DELETE ON `users` BEGIN UPDATE `auth_epoch` SET `n` = `n` + 1; END;
