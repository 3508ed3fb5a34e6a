import { EditOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import { ActionLink } from '../../components/RowActions';
import type { ColumnsType } from 'antd/es/table/interface';
import type { Signup, SignupSortKey } from '../../../../shared/contract/exams';
import {
  payerLabels,
  signupStatusColors,
  signupStatusLabels,
  type SignupStatus,
} from '../../../../shared/domain/exams';
import { formatDate, formatFen } from '../../components/format';
import { noWrap } from '../../components/noWrap';
import { serverSortColumn } from '../../components/serverSort';
import { t } from '../../i18n';
import type { SignupQuery } from './signupQuery';

const text = t.exams.detail;
const c = text.columns;

/** The sign-up list's columns; the sortable ones show the order the core was asked for. */
export function signupColumns(
  query: SignupQuery,
  onEdit: (signup: Signup) => void,
): ColumnsType<Signup> {
  const sortable = (key: SignupSortKey) => serverSortColumn(query, key);
  return [
    {
      title: c.studentNo,
      dataIndex: 'studentNo',
      width: 140,
      render: noWrap,
      ...sortable('studentNo'),
    },
    { title: c.name, dataIndex: 'name', width: 90, ...sortable('name') },
    {
      title: c.major,
      dataIndex: 'majorName',
      width: 130,
      render: (m: string) => m || '—',
      ...sortable('major'),
    },
    { title: c.className, dataIndex: 'className', width: 110, ...sortable('className') },
    {
      title: c.status,
      dataIndex: 'status',
      width: 90,
      render: (s: SignupStatus) => <Tag color={signupStatusColors[s]}>{signupStatusLabels[s]}</Tag>,
      ...sortable('status'),
    },
    // The money before the results: in view at 1280 px, where the table scrolls sideways and
    // the fixed 操作 column covers its right end.
    {
      title: <Tooltip title={text.feeReadOnly}>{c.fee}</Tooltip>,
      dataIndex: 'feeFen',
      width: 100,
      align: 'right',
      render: (fen: number) => formatFen(fen),
    },
    {
      title: <Tooltip title={text.feeReadOnly}>{c.payer}</Tooltip>,
      dataIndex: 'payer',
      width: 100,
      render: (p: Signup['payer']) => payerLabels[p],
    },
    {
      title: c.score,
      dataIndex: 'score',
      width: 80,
      align: 'right',
      render: (v: number | null, s) =>
        s.theoryScore !== null || s.practicalScore !== null ? (
          <Tooltip title={text.scoreParts(s.theoryScore, s.practicalScore)}>
            <span style={{ borderBottom: '1px dotted #999' }}>{v ?? '—'}</span>
          </Tooltip>
        ) : (
          (v ?? '—')
        ),
      ...sortable('score'),
    },
    {
      title: c.certificateNo,
      key: 'certificate',
      render: (_, s) =>
        s.certificateNo ? (
          <>
            <div>
              {s.certificateNo}
              {s.issuedOn && (
                <span style={{ color: '#888', marginLeft: 6 }}>{formatDate(s.issuedOn)}</span>
              )}
            </div>
            {s.platformRegistered && <Tag color="green">{text.creditTags.registered}</Tag>}
            {s.creditBank && <Tag color="gold">{text.creditTags.bank}</Tag>}
          </>
        ) : (
          '—'
        ),
    },
    {
      title: t.common.actions,
      key: 'actions',
      width: 110,
      // In view on narrower screens, where the table scrolls sideways.
      fixed: 'right',
      render: (_, s) => (
        <ActionLink
          icon={<EditOutlined />}
          disabled={['withdrawn', 'absent', 'violation'].includes(s.status)}
          onClick={() => onEdit(s)}
          data-testid={`signup-result-${s.studentNo}`}
        >
          {text.result}
        </ActionLink>
      ),
    },
  ];
}
