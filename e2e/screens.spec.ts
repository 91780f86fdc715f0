import { test } from "./fixtures";
import { seedEveryPage } from "./support/pages";

/**
 * Every portal page at 1280 and 375 px, light and dark: axe at 0 on each, and a screenshot of each
 * in screens/ (looked at by people; the sideways-scroll check is small-screens.spec.ts).
 */
test("every page, 1280 and 375 px, light and dark: axe at 0, screenshots", async ({ page, context, accounts, shot, axe }) => {
  test.setTimeout(600_000);
  const { pages } = await seedEveryPage(accounts);
  const origin = new URL(page.url()).origin;
  for (const theme of ["light", "dark"] as const) {
    await context.addCookies([{ name: "theme", value: theme, url: origin }]);
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: width === 375 ? 812 : 800 });
      for (const [name, path] of pages) {
        await page.goto(path);
        await test.step(`${name} ${width} ${theme}`, async () => {
          await axe();
          await shot(`page-${name}-${width}-${theme}`);
        });
      }
    }
  }
});
