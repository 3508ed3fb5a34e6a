/**
 * Attachments: each file's content is stored once in the data folder, named by its SHA-256
 * (`attachments/<first 2 hex>/<sha256>`); `attachment_links` ties it to an owner (the school, a
 * pilot project, a training room or a site) with a kind and a display name. A stored file cannot
 * be deleted while a link uses it (RESTRICT), so no link is left pointing at nothing.
 */
export default /* sql */ `
CREATE TABLE attachments (
  id INTEGER PRIMARY KEY,
  sha256 TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
  size INTEGER NOT NULL CHECK (size > 0),
  mime TEXT NOT NULL,
  ext TEXT NOT NULL CHECK (ext IN ('pdf', 'jpg', 'png', 'docx', 'xlsx')),
  created_at TEXT NOT NULL
);
CREATE TABLE attachment_links (
  id INTEGER PRIMARY KEY,
  attachment_id INTEGER NOT NULL REFERENCES attachments (id) ON DELETE RESTRICT,
  owner_type TEXT NOT NULL CHECK (owner_type IN ('school', 'project', 'room', 'site')),
  owner_id INTEGER NOT NULL CHECK (owner_id > 0),
  kind TEXT NOT NULL CHECK (kind IN ('talent_training_plan', 'room_photo', 'cooperation_agreement', 'stamped_application', 'other')),
  display_name TEXT NOT NULL CHECK (length(display_name) BETWEEN 1 AND 255),
  created_at TEXT NOT NULL,
  UNIQUE (attachment_id, owner_type, owner_id, kind)
);
CREATE INDEX attachment_links_owner ON attachment_links (owner_type, owner_id, id);
CREATE INDEX attachment_links_attachment ON attachment_links (attachment_id);
`;
