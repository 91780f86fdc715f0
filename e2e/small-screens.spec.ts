import { expect, test } from "./fixtures";
import { seedEveryPage, sideways } from "./support/pages";

test.describe("small screens", () => {
  test("at 375 px no page scrolls sideways — longest names without spaces, a team in the header", async ({ page, accounts }) => {
    test.setTimeout(240_000);
    const { pages, app } = await seedEveryPage(accounts);
    await page.setViewportSize({ width: 375, height: 812 });
    const problems: string[] = [];
    for (const [name, path] of pages) {
      await page.goto(path);
      const { width, offenders } = await sideways(page);
      if (width > 375 || offenders.length) problems.push(`${name} (${path}) is ${width}px wide: ${offenders.join("; ")}`);
    }
    expect(problems).toEqual([]);

    // Connected apps: "Revoke access" sits beside or below the App's name, never over it.
    await page.goto("/settings/connected-apps");
    const name = await page.getByRole("heading", { level: 2, name: app.name }).boundingBox();
    const revoke = await page.getByRole("button", { name: `Revoke access for ${app.name}` }).boundingBox();
    const overlap = name && revoke && name.x < revoke.x + revoke.width && revoke.x < name.x + name.width && name.y < revoke.y + revoke.height && revoke.y < name.y + name.height;
    expect(overlap).toBe(false);
  });
});
