// The scenario side of e2e/clients/README.md for Node scripts: JSON lines on stdout, answers on stdin.
import readline from "node:readline";

const lines = readline.createInterface({ input: process.stdin });
const buffered = [];
const waiting = [];
lines.on("line", (line) => (waiting.length ? waiting.shift().resolve(line) : buffered.push(line)));
lines.on("close", () => waiting.splice(0).forEach((w) => w.reject(new Error("harness closed stdin"))));

const emit = (msg) => process.stdout.write(`${JSON.stringify(msg)}\n`);

/** Environment value the harness must provide. */
export function env(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

/** Asks the harness to consent at `url` (as the library built it); resolves to {callback} or {pin}. */
export async function open(url) {
  emit({ open: url });
  const line = buffered.shift() ?? (await new Promise((resolve, reject) => waiting.push({ resolve, reject })));
  const answer = JSON.parse(line);
  if (answer.error) throw new Error(answer.error);
  return answer;
}

class StepFailed extends Error {}

/** What a library error says: message, HTTP status and body where the library keeps them. */
export function describeError(err) {
  const parts = [err?.message ?? String(err)];
  for (const key of ["code", "status", "statusCode"]) if (err?.[key] !== undefined && typeof err[key] !== "object") parts.push(`${key}=${err[key]}`);
  for (const key of ["data", "error", "body"]) {
    const value = err?.[key];
    if (value !== undefined && value !== null && !(value instanceof Error)) parts.push(`${key}=${typeof value === "string" ? value : JSON.stringify(value)}`);
  }
  if (err?.cause) parts.push(`cause=${describeError(err.cause)}`);
  return parts.join(" ").slice(0, 2000);
}

/** Runs one step; prints {"step", "ok": true, ...details} or {"step", "ok": false, "error"} and stops the scenario. */
export async function step(name, fn) {
  try {
    const details = (await fn()) ?? {};
    emit({ step: name, ok: true, ...details });
    return details;
  } catch (err) {
    if (err instanceof StepFailed) throw err;
    emit({ step: name, ok: false, error: describeError(err) });
    throw new StepFailed(name);
  }
}

/** Asserts inside a step. */
export function check(condition, message) {
  if (!condition) throw new Error(message);
}

/** Expects `promise` to be refused; returns the library's error for the caller to look at. */
export async function refused(promise, message) {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error(message);
}

/** Runs the scenario; prints {"done": true} and exits 0, or exits 1 after a failed step. */
export async function scenario(body) {
  try {
    await body();
    emit({ done: true });
    process.exitCode = 0;
  } catch (err) {
    if (!(err instanceof StepFailed)) emit({ step: "scenario", ok: false, error: describeError(err) });
    process.exitCode = 1;
  } finally {
    lines.close();
    process.stdin.destroy();
    // Keep-alive sockets of the libraries must not hold the process open.
    setTimeout(() => process.exit(), 200).unref();
  }
}

/** The search parameters of the callback URL the browser was sent to. */
export const callbackParams = (answer) => new URL(answer.callback).searchParams;
