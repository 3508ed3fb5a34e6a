/** How an exam batch is named, defined once for the core's messages and lists and the pages. */
import { certificateLevelLabels, type CertificateLevel } from './certificate';

export interface BatchLabelParts {
  name: string;
  certificateName: string;
  level: CertificateLevel;
  examDate: string;
}

/**
 * “Web前端开发 初级 · 2020-09-01 第一批”: lists, messages and page titles. The renderer passes its
 * date format (2020年9月1日); the core keeps the ISO date.
 */
export function batchLabel(
  batch: BatchLabelParts,
  formatDate: (iso: string) => string = (iso) => iso,
): string {
  const name = batch.name === '' ? '' : ` ${batch.name}`;
  return `${batch.certificateName} ${certificateLevelLabels[batch.level]} · ${formatDate(batch.examDate)}${name}`;
}

/** The batch's own name, else “Web前端开发 初级 2020-09-01”: the fee pages' short column. */
export function batchShortLabel(batch: BatchLabelParts): string {
  if (batch.name.trim() !== '') return batch.name;
  return `${batch.certificateName} ${certificateLevelLabels[batch.level]} ${batch.examDate}`;
}
