/**
 * 考核站点: where the school may hold exams.
 *
 * - `exam_site_applications`: per certificate, the school's application to be an exam site:
 *   applied date, status (申请中 / 已批准 / 未通过), the approval document (an attachment, as fee
 *   agreements hold theirs), the valid period (`valid_to` NULL: no end date), note. An approved
 *   application has a period start.
 * - `exam_site_places`: the 实训室 (room) and 实习实训场所 (site) an application covers; a place's
 *   delete takes its links with it.
 * - `exam_batches.room_id`: a batch's place may now be a 实训室. A place is at most one of room /
 *   site; `site_text` keeps the chosen place's name (as it already did for sites), so the batch
 *   still names its place when the room is deleted.
 */
export default /* sql */ `
ALTER TABLE exam_batches ADD COLUMN room_id INTEGER
  REFERENCES training_rooms (id) ON DELETE SET NULL
  CHECK (room_id IS NULL OR site_id IS NULL);
CREATE INDEX exam_batches_room ON exam_batches (room_id) WHERE room_id IS NOT NULL;
CREATE INDEX exam_batches_site ON exam_batches (site_id) WHERE site_id IS NOT NULL;

CREATE TABLE exam_site_applications (
  id INTEGER PRIMARY KEY,
  certificate_id INTEGER NOT NULL REFERENCES certificates (id) ON DELETE RESTRICT,
  applied_on TEXT NOT NULL CHECK (applied_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
  valid_from TEXT CHECK (valid_from GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  valid_to TEXT CHECK (valid_to GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  attachment_id INTEGER REFERENCES attachments (id) ON DELETE SET NULL,
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (status <> 'approved' OR valid_from IS NOT NULL),
  CHECK (valid_to IS NULL OR valid_from IS NOT NULL),
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX exam_site_applications_certificate
  ON exam_site_applications (certificate_id, status, valid_from);

CREATE TABLE exam_site_places (
  application_id INTEGER NOT NULL REFERENCES exam_site_applications (id) ON DELETE CASCADE,
  room_id INTEGER REFERENCES training_rooms (id) ON DELETE CASCADE,
  site_id INTEGER REFERENCES training_sites (id) ON DELETE CASCADE,
  CHECK ((room_id IS NULL) <> (site_id IS NULL))
);
CREATE UNIQUE INDEX exam_site_places_room ON exam_site_places (application_id, room_id)
  WHERE room_id IS NOT NULL;
CREATE UNIQUE INDEX exam_site_places_site ON exam_site_places (application_id, site_id)
  WHERE site_id IS NOT NULL;
CREATE INDEX exam_site_places_by_room ON exam_site_places (room_id) WHERE room_id IS NOT NULL;
CREATE INDEX exam_site_places_by_site ON exam_site_places (site_id) WHERE site_id IS NOT NULL;
`;
