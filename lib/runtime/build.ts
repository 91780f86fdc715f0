import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const ROOT = path.resolve(__dirname, "..", "..");
const SOURCES = ["app", "components", "lib", "db", "public", "proxy.ts"];
const CONFIGS = ["next.config.ts", "postcss.config.mjs", "tsconfig.json", "package-lock.json"];
// Shipped for users to run beside Devportal, never read by the Next build.
const NOT_BUILT = new Set(["lib/runtime/proxy", "lib/runtime/x-hosts.mjs"]);
const distDir = () => path.join(ROOT, process.env.NEXT_DIST_DIR || ".next");
const stampFile = () => path.join(distDir(), "devportal-source-hash");

function walk(entry: string, out: string[]): void {
  const full = path.join(ROOT, entry);
  if (!fs.existsSync(full) || NOT_BUILT.has(entry)) return;
  if (fs.statSync(full).isDirectory()) {
    for (const name of fs.readdirSync(full).sort()) {
      if (name.endsWith(".test.ts") || name === "node_modules") continue;
      walk(path.join(entry, name), out);
    }
  } else out.push(entry);
}

/** A hash of everything the Next build reads; a build is current when its stamp matches. */
export function sourceHash(): string {
  const files: string[] = [];
  for (const entry of [...SOURCES, ...CONFIGS]) walk(entry, files);
  const hash = createHash("sha256");
  for (const file of files) hash.update(file).update("\0").update(fs.readFileSync(path.join(ROOT, file)));
  return hash.digest("hex");
}

export function isBuildCurrent(): boolean {
  return (
    fs.existsSync(path.join(distDir(), "BUILD_ID")) &&
    fs.existsSync(stampFile()) &&
    fs.readFileSync(stampFile(), "utf8") === sourceHash()
  );
}

/** Runs `next build` and stamps the result with the source hash. */
export function build(): void {
  const nextBin = require.resolve("next/dist/bin/next");
  const res = spawnSync(process.execPath, [nextBin, "build"], { cwd: ROOT, stdio: "inherit", env: process.env });
  if (res.status !== 0) throw new Error(`next build failed (exit ${res.status})`);
  fs.writeFileSync(stampFile(), sourceHash());
}

/** Builds only when there is no current build. */
export function ensureBuild(): void {
  if (isBuildCurrent()) return;
  console.log("devportal: no current build, running next build…");
  build();
}

if (require.main === module) {
  build();
}
