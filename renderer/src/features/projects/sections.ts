import { selfCheckFields } from '../../../../shared/domain/selfCheck';

/** The page section each self-check field lives in, for "click a verdict, land on its fix". */
export const sectionOfField: Record<string, string> = {
  [selfCheckFields.majors]: 'staff',
  [selfCheckFields.teachers]: 'staff',
  [selfCheckFields.rooms]: 'facilities',
  [selfCheckFields.hardware]: 'facilities',
  [selfCheckFields.sites]: 'facilities',
  [selfCheckFields.attachments]: 'attachments',
  [selfCheckFields.plan]: 'plan',
};

export const sectionId = (section: string) => `project-section-${section}`;

export function scrollToSection(section: string): void {
  document
    .getElementById(sectionId(section))
    ?.scrollIntoView({ behavior: 'smooth', block: 'start' });
}
