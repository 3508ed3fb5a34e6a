import { chineseNumeral } from '../../../../shared/domain/chineseNumerals';
import { safeFileName } from '../../../../shared/domain/fileNames';
import type { PackageAttachment } from './data';

/** The longest part of a package's name or an entry's stem taken from the data (school, file). */
export const MAX_NAME_PART = 120;

/** As the notice numbers them: 附件一 is the 申报表, 附件二 the 实施方案. */
export const FORM_LABEL = '附件一';
export const PLAN_LABEL = '附件二';
/** The school's own attachments follow, from 附件三. */
const FIRST_OWN_ATTACHMENT = 3;

export interface LabelledAttachment {
  /** 附件三, 附件四…: the same in the package's file name and in the form's 附件清单. */
  label: string;
  /** The entry's path in the package: 附件/附件三_{所属}_{类别}_{文件名}.{ext}. */
  path: string;
  attachment: PackageAttachment;
}

export const attachmentLabel = (index: number) =>
  `附件${chineseNumeral(index + FIRST_OWN_ATTACHMENT)}`;

/** Numbers the school's attachments in package order and names their entries. */
export function labelAttachments(attachments: readonly PackageAttachment[]): LabelledAttachment[] {
  return attachments.map((a, i) => {
    const label = attachmentLabel(i);
    const stem = safeFileName(
      `${label}_${a.owner}_${a.kind}_${a.displayName.replace(/\.[^.]*$/, '')}`,
      '_',
      MAX_NAME_PART,
    );
    return { label, path: `附件/${stem}.${a.ext}`, attachment: a };
  });
}
