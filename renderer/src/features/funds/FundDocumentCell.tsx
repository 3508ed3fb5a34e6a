import { Tag, Typography } from 'antd';
import type { FundLine } from '../../../../shared/contract/funds';
import { RecordDocumentCell } from '../../components/RecordDocumentCell';
import { t } from '../../i18n';

const text = t.funds;

/** The document cell: download / remove an attached file, or upload one; 无凭证 flagged. */
export function FundDocumentCell({ line }: { line: FundLine }) {
  const flag = line.lacksDocument ? <Tag color="error">{text.noDocument}</Tag> : null;
  const id = line.entryId;
  if (id === null) return flag ?? <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <RecordDocumentCell
      owner="funds"
      id={id}
      hasDocument={line.document !== null}
      text={text}
      flag={flag}
    />
  );
}
