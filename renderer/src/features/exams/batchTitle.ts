import type { ExamBatch } from '../../../../shared/contract/exams';
import { certificateLevelLabels } from '../../../../shared/domain/certificate';
import { formatDate } from '../../components/format';

/** “Web前端开发 初级 · 2020年11月15日 第一批” */
export function batchTitle(batch: ExamBatch): string {
  const name = batch.name === '' ? '' : ` ${batch.name}`;
  return `${batch.certificateName} ${certificateLevelLabels[batch.level]} · ${formatDate(batch.examDate)}${name}`;
}
