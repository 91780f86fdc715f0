/**
 * Lint rules for database writes (used by eslint.config.mjs, checked by db/lint-rules.test.ts).
 *
 * A write's success is the commit's outcome, never a returned row: better-sqlite3's get() takes
 * the first row of `INSERT/UPDATE/DELETE … RETURNING` and then ignores the error sqlite3_reset()
 * reports when the autocommit fails (disk full, I/O error), so a write that was rolled back still
 * "returns" its row. run() and all() run the statement to its end and throw.
 */
const MESSAGE =
  "A write's success is the commit's outcome: read RETURNING rows with .all() (get() hides a failed autocommit), or run() and build the row.";

export const writeOutcomeRules = [
  {
    selector: 'CallExpression[callee.property.name="get"][callee.object.type="CallExpression"][callee.object.callee.property.name="returning"]',
    message: MESSAGE,
  },
  {
    // A prepared RETURNING statement is one get() away from the same trap.
    selector: 'CallExpression[callee.property.name="prepare"][callee.object.type="CallExpression"][callee.object.callee.property.name="returning"]',
    message: MESSAGE,
  },
  {
    selector: 'CallExpression[callee.property.name="prepare"] > Literal[value=/\\bRETURNING\\b/i]',
    message: MESSAGE,
  },
  {
    selector: 'CallExpression[callee.property.name="prepare"] > TemplateLiteral > TemplateElement[value.raw=/\\bRETURNING\\b/i]',
    message: MESSAGE,
  },
  {
    selector: 'TaggedTemplateExpression[tag.name="sql"] TemplateElement[value.raw=/\\bRETURNING\\b/i]',
    message: MESSAGE,
  },
];
