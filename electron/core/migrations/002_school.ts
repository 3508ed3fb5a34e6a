/** The one school using this install: a single row (id = 1). */
export default /* sql */ `
CREATE TABLE school (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  name TEXT NOT NULL,
  code TEXT NOT NULL DEFAULT '',
  kind TEXT NOT NULL CHECK (kind IN ('higher_vocational', 'secondary_vocational', 'applied_undergraduate', 'technical_school')),
  demonstration_level TEXT NOT NULL CHECK (demonstration_level IN ('national', 'provincial', 'municipal', 'none')),
  city TEXT NOT NULL,
  address TEXT NOT NULL DEFAULT '',
  contact_name TEXT NOT NULL DEFAULT '',
  contact_phone TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  weekly_reporter_name TEXT NOT NULL DEFAULT '',
  weekly_reporter_phone TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL
);
`;
