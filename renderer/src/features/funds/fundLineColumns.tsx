import { Flex, Space, Tag, Typography } from 'antd';
import { ActionLink, ConfirmLink } from '../../components/RowActions';
import type { ColumnsType } from 'antd/es/table';
import type { FundLine } from '../../../../shared/contract/funds';
import {
  incomeSourceLabels,
  incomeSources,
  spendingCategories,
  spendingCategoryLabels,
  type FundDirection,
} from '../../../../shared/domain/funds';
import { byText, formatFen } from '../../components/format';
import { dateColumn, numberColumn } from '../../components/sortedColumns';
import { t } from '../../i18n';
import { FundDocumentCell } from './FundDocumentCell';

const text = t.funds;
const f = text.fields;

interface Actions {
  /** Null when all projects are listed: then each line says whose it is. */
  projectId: number | null;
  onEdit(line: FundLine): void;
  onDelete(line: FundLine): void;
  /** Lines from 缴费记录 are changed there. */
  onEditPayment(): void;
}

/** The 收支明细 columns: sortable by date and amount, filterable by direction and category. */
export function fundLineColumns({
  projectId,
  onEdit,
  onDelete,
  onEditPayment,
}: Actions): ColumnsType<FundLine> {
  return [
    dateColumn('date', f.occurredOn, 130),
    {
      title: text.directionTitle,
      dataIndex: 'direction',
      width: 80,
      filters: (['income', 'spending'] as const).map((d) => ({
        value: d,
        text: text.direction[d],
      })),
      onFilter: (v, l) => l.direction === v,
      render: (d: FundDirection) => (
        <Tag color={d === 'income' ? 'green' : 'blue'}>{text.direction[d]}</Tag>
      ),
    },
    {
      title: text.category,
      dataIndex: 'categoryLabel',
      width: 170,
      filters: [
        ...incomeSources.map((s) => ({ value: s, text: incomeSourceLabels[s] })),
        ...spendingCategories.map((c) => ({ value: c, text: spendingCategoryLabels[c] })),
      ],
      onFilter: (v, l) => l.category === v,
      render: (label: string, l) =>
        l.paymentId !== null ? (
          <Space size={4}>
            {label}
            <Tag>{text.fromPayments}</Tag>
          </Space>
        ) : (
          label
        ),
    },
    // The money right after what it is, so it shows without scrolling at 1280 px.
    numberColumn('amountFen', text.amount, 130, formatFen),
    ...(projectId === null
      ? [
          {
            title: f.projectId,
            dataIndex: 'projectLabel',
            width: 180,
            ellipsis: true,
            sorter: (a: FundLine, b: FundLine) => byText(a.projectLabel, b.projectLabel),
          },
        ]
      : []),
    { title: f.party, dataIndex: 'party', width: 160, ellipsis: true },
    { title: f.reference, dataIndex: 'reference', width: 150 },
    {
      title: f.document,
      key: 'document',
      width: 190,
      render: (_, l) => <FundDocumentCell line={l} />,
    },
    {
      title: f.note,
      key: 'note',
      width: 220,
      render: (_, l) => (
        <>
          {l.problem && (
            <Typography.Text type="danger" style={{ display: 'block' }}>
              {l.problem}
            </Typography.Text>
          )}
          {[l.signupLabel, l.note].filter(Boolean).join('；')}
        </>
      ),
    },
    {
      title: t.common.actions,
      key: 'actions',
      width: 150,
      fixed: 'right',
      render: (_, l) =>
        l.entryId === null ? (
          <ActionLink onClick={onEditPayment}>{text.editPayment}</ActionLink>
        ) : (
          <Flex gap={8}>
            <ActionLink onClick={() => onEdit(l)}>{t.common.edit}</ActionLink>
            <ConfirmLink
              title={text.deleteConfirm(`${l.categoryLabel} ${formatFen(l.amountFen)}`)}
              onConfirm={() => onDelete(l)}
            >
              {t.common.delete}
            </ConfirmLink>
          </Flex>
        ),
    },
  ];
}
