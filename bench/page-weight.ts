import fs from "node:fs";
import { gzipSync } from "node:zlib";
import { chromium, type Browser } from "@playwright/test";
import type { PortalSeed } from "./seed";

export interface PageWeight {
  route: string;
  scripts: number;
  /** Sum over the JavaScript files a cold load downloads, each gzipped (zlib level 6). */
  gzipBytes: number;
}

const executablePath = process.env.PLAYWRIGHT_CHROMIUM_PATH || (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

function cookiesFor(baseUrl: string, header: string | undefined) {
  if (!header) return [];
  return header.split("; ").map((pair) => {
    const eq = pair.indexOf("=");
    return { name: pair.slice(0, eq), value: pair.slice(eq + 1), url: baseUrl };
  });
}

/** Cold load (fresh context, empty cache) of one route: every script response, gzipped. */
async function weigh(browser: Browser, baseUrl: string, route: string, cookie?: string): Promise<PageWeight> {
  const context = await browser.newContext();
  await context.addCookies(cookiesFor(baseUrl, cookie));
  const page = await context.newPage();
  const pending: Array<Promise<number>> = [];
  const seen = new Set<string>();
  page.on("response", (res) => {
    if (res.request().resourceType() !== "script" || seen.has(res.url())) return;
    seen.add(res.url());
    pending.push(res.body().then((b) => gzipSync(b).length, () => 0));
  });
  await page.goto(`${baseUrl}${route}`, { waitUntil: "networkidle" });
  const sizes = await Promise.all(pending);
  await context.close();
  return { route, scripts: sizes.length, gzipBytes: sizes.reduce((a, b) => a + b, 0) };
}

export async function measurePageWeights(baseUrl: string, routes: Array<{ route: string; cookie?: string }>): Promise<PageWeight[]> {
  const browser = await chromium.launch({
    executablePath,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    const out: PageWeight[] = [];
    for (const r of routes) out.push(await weigh(browser, baseUrl, r.route, r.cookie));
    return out;
  } finally {
    await browser.close();
  }
}

/** The routes whose weight the bench compares with the bare page (the first): every portal page, signed in where it needs it. */
export function pageWeightRoutes(portal: PortalSeed, developerCookie: string, operatorCookie: string): Array<{ route: string; cookie?: string }> {
  const a = `/apps/${portal.appId}`;
  const consent = `/i/oauth2/authorize?response_type=code&client_id=${portal.clientId}&redirect_uri=${encodeURIComponent("https://client.example/callback")}&scope=tweet.read%20users.read&state=s&code_challenge=abc123abc123abc123abc123abc123abc123abc123a&code_challenge_method=plain`;
  return [
    { route: "/bench-bare-page-does-not-exist" }, // Next's 404: root layout only, no client component
    { route: "/signin" },
    { route: "/signup" },
    ...["/dashboard", "/projects", "/projects/new", `/projects/${portal.projectId}`, "/apps/new", a, `${a}/keys`, `${a}/auth-settings`, "/settings/account", "/settings/connected-apps", "/teams", `/u/${portal.developer}`, consent].map((route) => ({ route, cookie: developerCookie })),
    { route: "/admin?tab=apps", cookie: operatorCookie },
    { route: "/developer/signup", cookie: operatorCookie },
  ];
}
