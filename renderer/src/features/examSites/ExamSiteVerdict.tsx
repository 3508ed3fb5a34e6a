import { Tag, Tooltip } from 'antd';
import {
  notApprovedReasonText,
  validPeriodText,
  type ExamSiteVerdict as Verdict,
} from '../../../../shared/domain/examSites';
import { t } from '../../i18n';

/**
 * Whether a batch's place is an approved 考核站点 of its certificate on its exam date, as the core
 * judged it (shared/domain/examSites.ts). A typed place is said to be unchecked, never fine.
 */
export function ExamSiteVerdict({ verdict, examDate }: { verdict: Verdict; examDate: string }) {
  const text = t.examSites.verdict;
  switch (verdict.kind) {
    case 'approved':
      return (
        <Tag color="success" data-testid="exam-site-verdict">
          {text.approved(validPeriodText(verdict.validFrom, verdict.validTo))}
        </Tag>
      );
    case 'notApproved':
      return (
        <Tag color="warning" data-testid="exam-site-verdict">
          {text.notApproved(notApprovedReasonText(verdict, examDate))}
        </Tag>
      );
    case 'unchecked':
      return (
        <Tooltip title={text.unchecked}>
          <Tag data-testid="exam-site-verdict">{text.uncheckedShort}</Tag>
        </Tooltip>
      );
    case 'none':
      return <Tag data-testid="exam-site-verdict">{text.none}</Tag>;
  }
}
