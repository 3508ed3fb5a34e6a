/**
 * 考生信息上传表 layouts per evaluation organization: which columns, in which
 * order and under which header, as a JSON list of `{ key, header }` checked by the core
 * (shared/domain/uploadLayouts.ts) before it is stored.
 */
export default /* sql */ `
CREATE TABLE upload_layouts (
  id INTEGER PRIMARY KEY,
  organization TEXT NOT NULL CHECK (organization <> ''),
  name TEXT NOT NULL CHECK (name <> ''),
  columns_json TEXT NOT NULL CHECK (json_valid(columns_json) AND json_array_length(columns_json) > 0),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (organization, name)
);
`;
