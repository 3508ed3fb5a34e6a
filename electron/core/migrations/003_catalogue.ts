import sample from '../../../resources/catalogue/sample-certificates.json';

/**
 * The certificate catalogue (证书目录): certificates, the levels each offers with the user's
 * cost cap and the document it comes from, and the hardware requirements (实训条件要求).
 *
 * The sample certificates are inserted here, once, when the catalogue is created: the user may
 * then edit or archive them and they never come back. No cost caps are bundled.
 */
const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;
const now = `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`;

const seed = sample.certificates
  .map(
    (c) => `
INSERT INTO certificates (name, organization, batch, source, archived, created_at, updated_at)
VALUES (${quote(c.name)}, ${quote(c.organization)}, ${quote(c.batch)}, ${quote(sample.source)}, 0, ${now}, ${now});
${c.levels
  .map(
    (level) => `INSERT INTO certificate_levels (certificate_id, level, updated_at)
VALUES ((SELECT max(id) FROM certificates), ${quote(level)}, ${now});`,
  )
  .join('\n')}`,
  )
  .join('\n');

export default /* sql */ `
CREATE TABLE certificates (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  organization TEXT NOT NULL,
  batch TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL DEFAULT '',
  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
-- Names are unique among certificates in use; an archived one may share a name.
CREATE UNIQUE INDEX certificates_active_name ON certificates (name COLLATE NOCASE)
  WHERE archived = 0;

CREATE TABLE certificate_levels (
  certificate_id INTEGER NOT NULL REFERENCES certificates (id) ON DELETE CASCADE,
  level TEXT NOT NULL CHECK (level IN ('junior', 'intermediate', 'senior')),
  cost_cap_fen INTEGER CHECK (cost_cap_fen IS NULL OR (cost_cap_fen > 0 AND cost_cap_fen = CAST(cost_cap_fen AS INTEGER))),
  cap_document TEXT,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (certificate_id, level),
  -- A cap is never stored without the number of the document it comes from, nor vice versa.
  CHECK ((cost_cap_fen IS NULL) = (cap_document IS NULL))
) WITHOUT ROWID;

CREATE TABLE certificate_requirements (
  id INTEGER PRIMARY KEY,
  certificate_id INTEGER NOT NULL REFERENCES certificates (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  text TEXT NOT NULL CHECK (length(trim(text)) > 0)
);
CREATE INDEX certificate_requirements_by_certificate
  ON certificate_requirements (certificate_id, position);
${seed}
`;
