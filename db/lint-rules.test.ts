import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import { writeOutcomeRules } from "./lint-rules.mjs";

const linter = new Linter({ configType: "flat" });
const lint = (code: string) =>
  linter
    .verify(code, [{ languageOptions: { ecmaVersion: 2022, sourceType: "module" }, rules: { "no-restricted-syntax": ["error", ...writeOutcomeRules] } }])
    .map((m) => m.line);

describe("write-outcome lint rule", () => {
  it("refuses rows read from RETURNING with get(), prepared RETURNING statements and raw RETURNING SQL", () => {
    expect(lint("db.insert(t).values(v).returning().get();")).toEqual([1]);
    expect(lint("tx.update(t).set(v).where(w).returning({ id: t.id }).get();")).toEqual([1]);
    expect(lint("const q = db.insert(t).values(v).returning().prepare();")).toEqual([1]);
    expect(lint('sqlite.prepare("insert into t (x) values (?) returning id").get(1);')).toEqual([1]);
    expect(lint("sqlite.prepare(`update t set x = 1 RETURNING *`).get();")).toEqual([1]);
    expect(lint("db.get(sql`delete from t returning id`);")).toEqual([1]);
  });

  it("accepts run(), all() and ordinary reads", () => {
    expect(lint("db.insert(t).values(v).run();")).toEqual([]);
    expect(lint("const [row] = db.update(t).set(v).returning().all();")).toEqual([]);
    expect(lint("db.select().from(t).where(w).get();")).toEqual([]);
    expect(lint('sqlite.prepare("select id from t where returning_user = 1").get();')).toEqual([]);
  });
});
