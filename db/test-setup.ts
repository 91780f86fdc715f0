import fs from "node:fs";
import os from "node:os";
import path from "node:path";

// Each vitest worker gets its own throwaway data folder (keys, database).
process.env.DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), "devportal-vitest-"));
