/**
 * Weekly reports, rule 16 and flows:
 * - `weekly_settings.not_on_time_threshold`: how many consecutive periods not filed on time put
 *   the pilot status at risk (the notice: three weeks), a setting, as other provinces set other
 *   values.
 * - `weekly_settings.start_with_system`: the desktop app starts with the system, minimised, to
 *   notify before each due time (the web host ignores it).
 * - An index on the audit log by entity and time: each report counts the sign-up and payment
 *   entries recorded in its window, so a report does not scan the whole log.
 */
export default /* sql */ `
ALTER TABLE weekly_settings ADD COLUMN not_on_time_threshold INTEGER NOT NULL DEFAULT 3
  CHECK (not_on_time_threshold BETWEEN 2 AND 10);
ALTER TABLE weekly_settings ADD COLUMN start_with_system INTEGER NOT NULL DEFAULT 0
  CHECK (start_with_system IN (0, 1));
CREATE INDEX audit_log_entity_at ON audit_log (entity, at);
`;
