import type { StudentStatement } from '../../../../shared/contract/fees';
import { downloadFileName } from '../../../../shared/domain/attachments';
import { certificateLevelLabels } from '../../../../shared/domain/certificate';
import { formatChineseDate } from '../../../../shared/domain/dates';
import { payerLabels, signupStatusLabels } from '../../../../shared/domain/fees';
import { formatFen } from '../../../../shared/domain/money';
import type { Block } from '../package/content';
import { renderPdf } from '../package/pdf';
import type { SheetFile } from './sheets';

const TITLE = '学生考核费用对账单';

/** What the statement says of rule 13, in the words the fee page uses. */
const standingLines: Record<NonNullable<StudentStatement['schoolPaid']>, string> = {
  met: '该试点学生至少有一个证书的考核费由学校承担（含财政补助），符合通知要求。',
  selfPaidOnly: '该试点学生只有自费的报名，没有由学校承担或财政补助的有效报名，不符合通知要求。',
  unscheduled:
    '该试点学生还没有有效的考核报名（已撤销的不算），须安排至少一个由学校承担或财政补助的证书考核。',
};

/** 对账单: one student's sign-ups and who pays what, for the student to check and sign. */
export function statementBlocks(
  statement: StudentStatement,
  schoolName: string,
  today: string,
): Block[] {
  const { student: s } = statement;
  const label = (text: string) => ({ text, label: true });
  return [
    { type: 'title', text: TITLE },
    {
      type: 'table',
      header: 0,
      widths: [1, 2, 1, 2],
      rows: [
        [label('学校'), { text: schoolName, colSpan: 3, align: 'left' }],
        [label('姓名'), s.name, label('学号'), s.studentNo],
        [label('专业'), s.majorName || '—', label('班级'), s.className || '—'],
        [
          label('类别'),
          s.pilot ? '试点学生' : '非试点学生',
          label('制表日期'),
          formatChineseDate(today),
        ],
      ],
    },
    { type: 'heading', text: '一、考核报名与费用' },
    statement.signups.length === 0
      ? { type: 'paragraph', text: '该学生还没有考核报名。' }
      : {
          type: 'table',
          // 五号 text: 考核日期 holds “2026年12月12日” and 考核费 “¥99,999.99” on one line each.
          widths: [3.3, 0.8, 2.3, 1.1, 1.9, 1.6],
          rows: [
            ['考核批次', '等级', '考核日期', '状态', '承担方', '考核费'],
            ...statement.signups.map((x) => [
              x.batchLabel,
              certificateLevelLabels[x.level],
              x.examDate ? formatChineseDate(x.examDate) : '—',
              signupStatusLabels[x.status],
              payerLabels[x.payer],
              formatFen(x.feeFen),
            ]),
          ],
        },
    { type: 'heading', text: '二、费用合计（已撤销的报名不计）' },
    {
      type: 'table',
      header: 0,
      widths: [2, 1],
      rows: [
        [label('学校承担（含财政补助）'), formatFen(statement.schoolPaidFen)],
        [label('学生自愿自费'), formatFen(statement.studentPaidFen)],
      ],
    },
    ...(statement.schoolPaid
      ? [{ type: 'paragraph' as const, indent: true, text: standingLines[statement.schoolPaid] }]
      : []),
    { type: 'signature', lines: ['学生签字：', `${schoolName}（盖章）`, '年　　月　　日'] },
  ];
}

export async function statementPdf(
  statement: StudentStatement,
  schoolName: string,
  today: string,
): Promise<SheetFile> {
  const { student } = statement;
  return {
    fileName: downloadFileName(`对账单_${student.name}_${student.studentNo}`, 'pdf'),
    bytes: await renderPdf(TITLE, statementBlocks(statement, schoolName, today)),
  };
}
