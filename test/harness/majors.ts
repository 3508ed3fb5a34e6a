/** The two majors test schools are built with (plain data: usable from Vitest and Playwright). */
export const softwareMajor = {
  code: '510203',
  name: '软件技术',
  level: 'junior_college',
  catalogueYear: 2021,
  firstEnrolmentYear: 2015,
  annualEnrolment: 120,
};

export const computerMajor = {
  code: '510201',
  name: '计算机应用技术',
  level: 'junior_college',
  catalogueYear: 2021,
  firstEnrolmentYear: 2012,
  annualEnrolment: 90,
};

/** A 高职专科 major as typed in the 新增专业 form (uiFlows' addMajor). */
function typedJuniorCollegeMajor(major: typeof softwareMajor) {
  return {
    code: major.code,
    name: major.name,
    level: '高职专科',
    first: major.firstEnrolmentYear,
    annual: major.annualEnrolment,
  };
}

export const softwareMajorTyped = typedJuniorCollegeMajor(softwareMajor);
export const computerMajorTyped = typedJuniorCollegeMajor(computerMajor);
