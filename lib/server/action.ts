import "server-only";
import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { getDb, type Db } from "@/db/client";
import { DomainError, StaleEditError, type Conflict, type FieldErrors } from "@/lib/domain/errors";
import { STORAGE_UNAVAILABLE_MESSAGE, storageFailure } from "@/lib/domain/storage-health";
import { issuesToFieldErrors } from "@/lib/validation/field-errors";
import { getCurrentUser, type CurrentUser } from "./session";

export type ActionState<T = undefined> =
  | { ok: true; message?: string; data?: T }
  | { ok: false; message: string; fieldErrors?: FieldErrors; conflict?: Conflict };

export interface ActionContext<I> {
  db: Db;
  input: I;
  current: CurrentUser;
}

type Input = FormData | Record<string, unknown>;

function toObject(input: Input): Record<string, unknown> {
  if (!(input instanceof FormData)) return input;
  const out: Record<string, unknown> = {};
  for (const [k, v] of input.entries()) if (!k.startsWith("$ACTION")) out[k] = v;
  return out;
}

export { issuesToFieldErrors };

/**
 * Maps anything an action throws to an ActionState; redirects and other Next control flow pass
 * through. A write the database could not take says so (nothing was saved; try again later).
 */
export function toActionError(err: unknown): ActionState<never> {
  unstable_rethrow(err);
  if (storageFailure(err)) return { ok: false, message: STORAGE_UNAVAILABLE_MESSAGE };
  if (err instanceof StaleEditError) return { ok: false, message: err.message, conflict: err.conflict };
  if (err instanceof DomainError) return { ok: false, message: err.message, fieldErrors: err.fieldErrors };
  if (err instanceof z.ZodError) {
    return { ok: false, message: "Check the highlighted fields", fieldErrors: issuesToFieldErrors(err) };
  }
  console.error("action failed", (err as Error)?.name, (err as Error)?.message);
  return { ok: false, message: "Something went wrong. Try again." };
}

/**
 * The one server-action wrapper: authenticates (server actions are public endpoints), parses the
 * shared zod schema, runs one domain call, and maps errors to field errors or a message.
 */
export function validatedAction<S extends z.ZodType, T = undefined>(
  schema: S,
  fn: (ctx: ActionContext<z.infer<S>>) => Promise<ActionState<T>> | ActionState<T>,
) {
  return async (_prev: ActionState<T> | null, input: Input): Promise<ActionState<T>> => {
    try {
      const current = await getCurrentUser();
      if (!current) return { ok: false, message: "Your session has ended. Sign in again." };
      return await fn({ db: getDb(), input: schema.parse(toObject(input)), current });
    } catch (err) {
      return toActionError(err);
    }
  };
}

/** Like validatedAction, for the few actions a signed-out visitor may call (sign-up); `address` is the client's. */
export function publicAction<S extends z.ZodType, T = undefined>(
  schema: S,
  fn: (ctx: { db: Db; input: z.infer<S>; address: string }) => Promise<ActionState<T>> | ActionState<T>,
) {
  return async (_prev: ActionState<T> | null, input: Input): Promise<ActionState<T>> => {
    try {
      const address = (await headers()).get("x-devportal-client-ip") ?? "unknown";
      return await fn({ db: getDb(), input: schema.parse(toObject(input)), address });
    } catch (err) {
      return toActionError(err);
    }
  };
}
