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
