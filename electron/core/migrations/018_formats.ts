/**
 * Formats out: what the vocational-education data centre's tables need and
 * the app did not record.
 *
 * - 发证机构编码 of each certificate's evaluation organization (ODS_XSJNZSSJ, ODS_GZXZSSJ), ≤ 60.
 * - A project's 融通课程 (课程号, 课程名称) in the order entered (ODS_KZRTGLGXSJ). A course
 *   number appears once per project.
 */
export default /* sql */ `
ALTER TABLE certificates ADD COLUMN organization_code TEXT NOT NULL DEFAULT ''
  CHECK (length(organization_code) <= 60);

CREATE TABLE project_courses (
  project_id INTEGER NOT NULL REFERENCES pilot_projects (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  course_no TEXT NOT NULL CHECK (length(trim(course_no)) > 0),
  course_name TEXT NOT NULL CHECK (length(trim(course_name)) > 0),
  PRIMARY KEY (project_id, course_no)
) WITHOUT ROWID;
`;
