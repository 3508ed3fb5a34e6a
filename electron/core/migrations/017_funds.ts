/**
 * 试点经费: money received and spent for each pilot project, kept as carefully as the
 * exam fees.
 *
 * - Income by source: 奖补资金 (with its allocating document number), 学校预算, 其他来源, and
 *   学生自愿自费 — only a voluntary additional certificate's exam fee, tied to its sign-up (the
 *   core judges it by the fee ledger's rule 12) and recorded once per sign-up.
 * - Spending by the categories a person enters. There is deliberately no 考核费 category here:
 *   考核费 is read from `payments`, so it is never typed twice.
 * - Money in integer fen; every change audited (entity 'fund_entry'); a record keeps its project
 *   (a project with money recorded cannot be deleted from under it).
 *
 * Registered as the next free version (16 when written; the file is named 017 because another
 * branch may take 016).
 */
export default /* sql */ `
CREATE TABLE fund_entries (
  id INTEGER PRIMARY KEY,
  project_id INTEGER NOT NULL REFERENCES pilot_projects (id) ON DELETE RESTRICT,
  direction TEXT NOT NULL CHECK (direction IN ('income', 'spending')),
  category TEXT NOT NULL,
  amount_fen INTEGER NOT NULL CHECK (amount_fen > 0 AND amount_fen = CAST(amount_fen AS INTEGER)),
  occurred_on TEXT NOT NULL CHECK (occurred_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  -- 文号 (income) or 发票号 (spending)
  reference TEXT NOT NULL DEFAULT '',
  -- 来源单位 (income) or 收款方 (spending)
  party TEXT NOT NULL DEFAULT '',
  signup_id INTEGER REFERENCES signups (id) ON DELETE RESTRICT,
  attachment_id INTEGER REFERENCES attachments (id) ON DELETE SET NULL,
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (
    (direction = 'income' AND category IN ('award', 'budget', 'other', 'studentExamFee'))
    OR (direction = 'spending'
      AND category IN ('training', 'equipment', 'consumables', 'materials', 'other'))
  ),
  CHECK ((direction = 'income' AND category = 'studentExamFee') = (signup_id IS NOT NULL)),
  CHECK (category <> 'award' OR direction <> 'income' OR reference <> '')
);
CREATE INDEX fund_entries_project ON fund_entries (project_id, occurred_on);
CREATE INDEX fund_entries_date ON fund_entries (occurred_on);
CREATE UNIQUE INDEX fund_entries_signup ON fund_entries (signup_id) WHERE signup_id IS NOT NULL;
`;
