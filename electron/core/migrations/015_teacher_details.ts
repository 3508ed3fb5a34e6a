/**
 * What provincial 教师信息表 forms ask of each teacher, all optional so teachers already saved
 * stay valid: 出生年月 as 'YYYY-MM', 学历 and 学位 as codes (labels live in the domain),
 * 所学专业 and 职业技能等级证书 as free text.
 */
export default /* sql */ `
ALTER TABLE teachers ADD COLUMN birth_month TEXT
  CHECK (birth_month IS NULL OR (length(birth_month) = 7 AND birth_month GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'));
ALTER TABLE teachers ADD COLUMN education TEXT
  CHECK (education IS NULL OR education IN ('postgraduate', 'bachelor', 'associate', 'other'));
ALTER TABLE teachers ADD COLUMN degree TEXT
  CHECK (degree IS NULL OR degree IN ('doctor', 'master', 'bachelor', 'none'));
ALTER TABLE teachers ADD COLUMN studied_major TEXT NOT NULL DEFAULT '';
ALTER TABLE teachers ADD COLUMN skill_certificates TEXT NOT NULL DEFAULT '';
`;
