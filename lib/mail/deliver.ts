import { and, asc, eq, lt, or } from "drizzle-orm";
import nodemailer, { type Transporter } from "nodemailer";
import type { Db } from "@/db/client";
import { outbox } from "@/db/schema";
import { storageFailure } from "@/lib/domain/storage-health";

export const MAX_ATTEMPTS = 5;

export interface MailConfig {
  smtpUrl: string;
  from: string;
}

export function mailConfig(): MailConfig | null {
  const smtpUrl = process.env.SMTP_URL;
  return smtpUrl ? { smtpUrl, from: process.env.MAIL_FROM ?? "Devportal <no-reply@devportal.local>" } : null;
}

const cache = globalThis as unknown as { devportalMailer?: { url: string; transporter: Transporter }; devportalMailTimer?: NodeJS.Timeout };

function transporter(config: MailConfig): Transporter {
  if (cache.devportalMailer?.url !== config.smtpUrl) {
    cache.devportalMailer = { url: config.smtpUrl, transporter: nodemailer.createTransport(config.smtpUrl) };
  }
  return cache.devportalMailer.transporter;
}

let running: Promise<number> = Promise.resolve(0);

/**
 * Sends every outbox e-mail not yet delivered (new ones, and failed ones with attempts left),
 * recording each outcome. Returns how many were sent. Passes run one after another in a process,
 * so a scheduled pass and an explicit one (the admin CLI's) never send the same e-mail twice. When
 * an outcome cannot be recorded (storage failure) the pass ends with that error; a mail sent but
 * not recorded as sent is sent again later.
 */
export function deliverPending(db: Db, config: MailConfig | null = mailConfig()): Promise<number> {
  running = running.then(
    () => deliverPass(db, config),
    () => deliverPass(db, config),
  );
  return running;
}

async function deliverPass(db: Db, config: MailConfig | null): Promise<number> {
  if (!config) return 0;
  const pending = db
    .select()
    .from(outbox)
    .where(or(eq(outbox.status, "stored"), and(eq(outbox.status, "failed"), lt(outbox.attempts, MAX_ATTEMPTS))))
    .orderBy(asc(outbox.id))
    .limit(50)
    .all();
  let sent = 0;
  for (const mail of pending) {
    let error: unknown = null;
    try {
      await transporter(config).sendMail({ from: config.from, to: mail.toEmail, subject: mail.subject, text: mail.body });
    } catch (err) {
      error = err;
    }
    if (error === null) {
      db.update(outbox).set({ status: "sent", attempts: mail.attempts + 1, sentAt: Date.now(), lastError: null }).where(eq(outbox.id, mail.id)).run();
      sent++;
    } else {
      db.update(outbox)
        .set({ status: "failed", attempts: mail.attempts + 1, lastError: String((error as Error).message ?? error).slice(0, 500) })
        .where(eq(outbox.id, mail.id))
        .run();
    }
  }
  return sent;
}

/** Schedules a delivery pass soon (after the current transaction has committed), with backoff retries. */
export function kickDelivery(db: Db, attempt = 0): void {
  if (!mailConfig() || cache.devportalMailTimer) return;
  cache.devportalMailTimer = setTimeout(() => {
    cache.devportalMailTimer = undefined;
    void deliverPending(db)
      .then(() => {
        const retry = db.select({ id: outbox.id }).from(outbox).where(and(eq(outbox.status, "failed"), lt(outbox.attempts, MAX_ATTEMPTS))).get();
        if (retry && attempt < MAX_ATTEMPTS) setTimeout(() => kickDelivery(db, attempt + 1), 1000 * 2 ** attempt).unref();
      })
      // A timer's rejection must not end the process (Node's default for an unhandled one). A
      // storage failure is recorded for /api/health; the outbox keeps the mail for the next pass.
      .catch((err: unknown) => {
        if (!storageFailure(err)) console.error("mail delivery failed", (err as Error)?.name, (err as Error)?.message);
      });
  }, 10);
  cache.devportalMailTimer.unref();
}
