import { Tag, Tooltip } from 'antd';
import {
  notApprovedReasonText,
  validPeriodText,
  type ExamSiteVerdict as Verdict,
} from '../../../../shared/domain/examSites';
import { t } from '../../i18n';

/** A full verdict wraps inside its cell (a Tag does not by default) instead of running past it. */
const wrapping = { whiteSpace: 'normal', marginInlineEnd: 0 } as const;

interface Props {
  verdict: Verdict;
  examDate: string;
  /** In a table cell: a short tag (the reason in its tooltip), nothing for an approved site. */
  compact?: boolean;
}

/**
 * Whether a batch's place is an approved 考核站点 of its certificate on its exam date, as the core
 * judged it (shared/domain/examSites.ts). A typed place is said to be unchecked, never fine.
 */
export function ExamSiteVerdict({ verdict, examDate, compact = false }: Props) {
  const text = t.examSites.verdict;
  switch (verdict.kind) {
    case 'approved':
      return compact ? null : (
        <Tag color="success" data-testid="exam-site-verdict" style={wrapping}>
          {text.approved(validPeriodText(verdict.validFrom, verdict.validTo))}
        </Tag>
      );
    case 'notApproved': {
      const full = text.notApproved(notApprovedReasonText(verdict, examDate));
      return compact ? (
        <Tooltip title={full}>
          <Tag color="warning">{text.notApprovedShort}</Tag>
        </Tooltip>
      ) : (
        <Tag color="warning" data-testid="exam-site-verdict" style={wrapping}>
          {full}
        </Tag>
      );
    }
    case 'unchecked':
      return (
        <Tooltip title={text.unchecked}>
          <Tag data-testid={compact ? undefined : 'exam-site-verdict'}>{text.uncheckedShort}</Tag>
        </Tooltip>
      );
    case 'none':
      return compact ? null : <Tag data-testid="exam-site-verdict">{text.none}</Tag>;
  }
}
