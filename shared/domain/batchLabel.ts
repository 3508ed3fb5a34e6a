/** How an exam batch is named, defined once for the core's messages and lists and the pages. */
import { certificateLevelLabels, type CertificateLevel } from './certificate';
import { formatChineseDate } from './dates';

export interface BatchLabelParts {
  name: string;
  certificateName: string;
  level: CertificateLevel;
  examDate: string;
}

/**
 * “Web前端开发 初级 · 2020年9月1日 第一批”: lists, messages, page titles, printed papers and the
 * file names made from them — one label, in the Chinese date format, wherever a person reads it.
 */
export function batchLabel(batch: BatchLabelParts): string {
  const name = batch.name === '' ? '' : ` ${batch.name}`;
  return `${batch.certificateName} ${certificateLevelLabels[batch.level]} · ${formatChineseDate(batch.examDate)}${name}`;
}

/** The batch's own name, else “Web前端开发 初级 2020年9月1日”: the fee pages' short column. */
export function batchShortLabel(batch: BatchLabelParts): string {
  if (batch.name.trim() !== '') return batch.name;
  return `${batch.certificateName} ${certificateLevelLabels[batch.level]} ${formatChineseDate(batch.examDate)}`;
}
