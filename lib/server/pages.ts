import "server-only";
import { notFound } from "next/navigation";
import { DomainError } from "@/lib/domain/errors";

/** Runs a domain load for a page; not_found becomes Next's 404 (no existence leak). */
export function loadOrNotFound<T>(load: () => T): T {
  try {
    return load();
  } catch (err) {
    if (err instanceof DomainError && err.code === "not_found") notFound();
    throw err;
  }
}
