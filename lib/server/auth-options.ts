import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb, type Db } from "@/db/client";
import { keyMaterial } from "@/lib/credentials/keys";
import { DomainError } from "@/lib/domain/errors";
import { signIn } from "@/lib/domain/password-checks";
import { createSession, endSession, SESSION_MAX_AGE_S } from "@/lib/domain/sessions";
import { STORAGE_UNAVAILABLE_MESSAGE, storageFailure } from "@/lib/domain/storage-health";
import { signInSchema, WRONG_CREDENTIALS } from "@/lib/validation/account";

function header(headers: unknown, name: string): string | undefined {
  const h = headers as Record<string, string | string[] | undefined> | undefined;
  const v = h?.[name];
  return Array.isArray(v) ? v[0] : v;
}

/** The session row of a sign-in; when it cannot be saved the sign-in form says so (next-auth shows the message). */
function recordSession(db: Db, userId: string): string {
  try {
    return createSession(db, userId);
  } catch (err) {
    if (storageFailure(err)) throw new Error(STORAGE_UNAVAILABLE_MESSAGE);
    throw err;
  }
}

/** next-auth (v4) with the Credentials provider; each sign-in is a row in `sessions`, carried by the JWT. */
export function authOptions(): NextAuthOptions {
  return {
    secret: keyMaterial().authSecret,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
    pages: { signIn: "/signin", error: "/signin" },
    providers: [
      CredentialsProvider({
        name: "Username or e-mail",
        credentials: { identifier: { type: "text" }, password: { type: "password" } },
        async authorize(credentials, req) {
          const parsed = signInSchema.safeParse(credentials ?? {});
          if (!parsed.success) throw new Error(WRONG_CREDENTIALS);
          const { identifier, password } = parsed.data;
          const address = header(req?.headers, "x-devportal-client-ip") ?? "unknown";
          let user;
          try {
            // Failures count against the account however it is named, and against the address.
            user = await signIn(getDb(), identifier, password, address);
          } catch (err) {
            if (err instanceof DomainError) throw new Error(err.message);
            if (storageFailure(err)) throw new Error(STORAGE_UNAVAILABLE_MESSAGE);
            throw err;
          }
          if (!user) throw new Error(WRONG_CREDENTIALS);
          return { id: user.id, name: user.username, sid: recordSession(getDb(), user.id) };
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.sid = (user as { sid?: string }).sid;
          token.uid = user.id;
        }
        return token;
      },
      session({ session, token }) {
        return { ...session, sid: token.sid as string | undefined, uid: token.uid as string | undefined };
      },
    },
    events: {
      signOut({ token }) {
        if (typeof token?.sid === "string") endSession(getDb(), token.sid);
      },
    },
  };
}
