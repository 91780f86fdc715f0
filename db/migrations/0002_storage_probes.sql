CREATE TABLE `storage_probes` (
	`id` integer PRIMARY KEY NOT NULL,
	`pad` blob NOT NULL,
	`checked_at` integer NOT NULL
);
