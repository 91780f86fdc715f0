import { z } from "zod";

// The browser runs under a strict CSP without 'unsafe-eval' (proxy.ts). Zod's JIT would probe
// `new Function`, which the browser reports as a CSP violation even though Zod falls back; jitless
// skips the probe. Runs before any schema module is evaluated in the browser.
z.config({ jitless: true });
