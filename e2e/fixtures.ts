import { test as base, expect, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

let counter = 0;

export interface Account {
  username: string;
  email: string;
  password: string;
  name: string;
}

/** A fresh, unique account description (usernames are ≤ 15 chars). */
export function newAccount(prefix = "u"): Account {
  const id = `${Date.now().toString(36).slice(-6)}${(counter++).toString(36)}${Math.floor(Math.random() * 36).toString(36)}`;
  const username = `${prefix}_${id}`.slice(0, 15);
  return { username, email: `${username}@example.com`, password: "correct horse battery", name: `Tester ${id}` };
}

export const USE_CASE =
  "We are building an internal dashboard that reads public posts about our product and lets support agents reply to customers quickly.";

/** Page object for the account journeys. */
export class Accounts {
  constructor(readonly page: Page) {}

  async signUp(account: Account): Promise<void> {
    await this.page.goto("/signup");
    await this.page.getByLabel("Username", { exact: true }).fill(account.username);
    await this.page.getByLabel("Name", { exact: true }).fill(account.name);
    await this.page.getByLabel("E-mail").fill(account.email);
    await this.page.getByLabel("Password", { exact: true }).fill(account.password);
    await this.page.getByRole("button", { name: "Create account" }).click();
  }

  async signIn(identifier: string, password: string): Promise<void> {
    await this.page.goto("/signin");
    await this.page.getByLabel("Username or e-mail").fill(identifier);
    await this.page.getByLabel("Password", { exact: true }).fill(password);
    await this.page.getByRole("button", { name: "Sign in" }).click();
  }

  async becomeDeveloper(useCase = USE_CASE): Promise<void> {
    await expect(this.page.getByRole("heading", { name: "Sign up for developer access" })).toBeVisible();
    await this.page.getByLabel("Describe your use case").fill(useCase);
    await this.page.getByRole("checkbox").check();
    await this.page.getByRole("button", { name: "Get developer access" }).click();
    await expect(this.page).toHaveURL(/\/dashboard$/);
  }

  /** Sign up and onboard in one go; leaves the page on the dashboard. */
  async developer(prefix = "dev"): Promise<Account> {
    const account = newAccount(prefix);
    await this.signUp(account);
    await this.becomeDeveloper();
    return account;
  }

  async signOut(): Promise<void> {
    await this.page.getByRole("button", { name: /Account menu/ }).click();
    await this.page.getByRole("menuitem", { name: "Sign out" }).click();
    await expect(this.page).toHaveURL(/\/signin/);
  }
}

async function axeCheck(page: Page, where = "") {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  expect(results.violations.map((v) => `${where}${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

const screensDir = () => `${process.env.E2E_OUTPUT_DIR || "test-results"}/screens`;

export const test = base.extend<{
  accounts: Accounts;
  shot: (name: string, of?: Page) => Promise<void>;
  /** The page as it is now at 1280 and 375 px, light and dark (theme "system"): a screenshot and axe at 0 in each. */
  shots: (name: string, of?: Page) => Promise<void>;
  axe: (of?: Page) => Promise<void>;
}>({
  accounts: async ({ page }, use) => {
    await use(new Accounts(page));
  },
  shot: async ({ page }, use) => {
    await use(async (name, of = page) => {
      await of.screenshot({ path: `${screensDir()}/${name}.png`, fullPage: true });
    });
  },
  shots: async ({ page }, use) => {
    await use(async (name, of = page) => {
      const size = of.viewportSize();
      for (const colorScheme of ["light", "dark"] as const) {
        for (const width of [1280, 375]) {
          await of.setViewportSize({ width, height: width === 375 ? 812 : 800 });
          await of.emulateMedia({ colorScheme });
          await of.screenshot({ path: `${screensDir()}/${name}-${width}-${colorScheme}.png`, fullPage: true });
          await axeCheck(of, `${name} ${width} ${colorScheme}: `);
        }
      }
      if (size) await of.setViewportSize(size);
      await of.emulateMedia({ colorScheme: null });
    });
  },
  axe: async ({ page }, use) => {
    await use((of = page) => axeCheck(of));
  },
});

export { expect };
