/**
 * 考场编排: per exam batch, its exam rooms (a 实训室 or a typed name, with a
 * capacity), its sessions (场次), and one seat per sign-up in a room × session. A seat is used
 * once per room and session; a sign-up has at most one seat.
 *
 * The 准考证号 stays in `signups.admission_no` (migration 016), the one column the results
 * import already matches on. A seat keeps the number the app generated for it (`generated_no`):
 * a sign-up whose admission_no differs from it carries a number the evaluation organization
 * issued, which a rearrangement never overwrites.
 *
 * `exam_arrangements` holds the batch's settings: the last mode and seed, the ticket number
 * pattern and the batch code it uses, and when the tickets were last printed (rearranging after
 * that asks first).
 */
export default /* sql */ `
CREATE TABLE exam_arrangements (
  batch_id INTEGER PRIMARY KEY REFERENCES exam_batches (id) ON DELETE CASCADE,
  mode TEXT NOT NULL DEFAULT 'class' CHECK (mode IN ('class', 'mixed')),
  seed INTEGER NOT NULL DEFAULT 1 CHECK (seed = CAST(seed AS INTEGER)),
  ticket_pattern TEXT NOT NULL DEFAULT '{批次}{考场}{座位}'
    CHECK (length(ticket_pattern) BETWEEN 1 AND 100),
  batch_code TEXT NOT NULL DEFAULT '' CHECK (length(batch_code) <= 30),
  arranged_at TEXT,
  printed_at TEXT,
  updated_at TEXT NOT NULL
);

CREATE TABLE exam_rooms (
  id INTEGER PRIMARY KEY,
  batch_id INTEGER NOT NULL REFERENCES exam_batches (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  room_id INTEGER REFERENCES training_rooms (id) ON DELETE SET NULL,
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  capacity INTEGER NOT NULL CHECK (capacity > 0 AND capacity <= 1000),
  UNIQUE (batch_id, name)
);
CREATE INDEX exam_rooms_batch ON exam_rooms (batch_id, position);
CREATE INDEX exam_rooms_room ON exam_rooms (room_id) WHERE room_id IS NOT NULL;

CREATE TABLE exam_sessions (
  id INTEGER PRIMARY KEY,
  batch_id INTEGER NOT NULL REFERENCES exam_batches (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  exam_date TEXT NOT NULL CHECK (exam_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  start_time TEXT NOT NULL CHECK (start_time GLOB '[0-2][0-9]:[0-5][0-9]'),
  end_time TEXT NOT NULL CHECK (end_time GLOB '[0-2][0-9]:[0-5][0-9]'),
  CHECK (start_time < end_time)
);
CREATE INDEX exam_sessions_batch ON exam_sessions (batch_id, position);

CREATE TABLE exam_seats (
  signup_id INTEGER PRIMARY KEY REFERENCES signups (id) ON DELETE CASCADE,
  batch_id INTEGER NOT NULL REFERENCES exam_batches (id) ON DELETE CASCADE,
  exam_room_id INTEGER NOT NULL REFERENCES exam_rooms (id) ON DELETE CASCADE,
  session_id INTEGER NOT NULL REFERENCES exam_sessions (id) ON DELETE CASCADE,
  seat INTEGER NOT NULL CHECK (seat > 0),
  generated_no TEXT NOT NULL DEFAULT '',
  UNIQUE (exam_room_id, session_id, seat)
);
CREATE INDEX exam_seats_batch ON exam_seats (batch_id, session_id, exam_room_id, seat);
`;
