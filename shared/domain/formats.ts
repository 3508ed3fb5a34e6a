/** Formats of identifiers and contact details, shared by form validation and the core. */

/** 学校标识码: the ministry's 10-digit school identification code. */
export const schoolCodePattern = /^\d{10}$/;

/** Mainland mobile numbers: 11 digits starting 13–19. */
export const mobilePattern = /^1[3-9]\d{9}$/;

/** Landlines: area code 0xx or 0xxx, 7–8 digit number, optional extension; `-` optional. */
export const landlinePattern = /^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/;

export function isPhoneNumber(value: string): boolean {
  return mobilePattern.test(value) || landlinePattern.test(value);
}
