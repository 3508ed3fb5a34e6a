import type { ExamBatch } from '../../../../shared/contract/exams';
import { batchLabel } from '../../../../shared/domain/batchLabel';
import { formatDate } from '../../components/format';

/** “Web前端开发 初级 · 2020年11月15日 第一批” */
export const batchTitle = (batch: ExamBatch): string => batchLabel(batch, formatDate);
