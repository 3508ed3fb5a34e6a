import { Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { FeeAgreement } from '../../../../shared/contract/agreements';
import {
  certificateLevelLabels,
  certificateLevels,
  type CertificateLevel,
} from '../../../../shared/domain/certificate';
import { capFormLabels } from '../../../../shared/domain/costCaps';
import { DataTable } from '../../components/DataTable';
import { useRecordColumns } from '../../components/recordColumns';
import { twoLines } from '../../components/twoLines';
import { byText, formatFen } from '../../components/format';
import { newestFirstColumn } from '../../components/sortedColumns';
import { RecordListPage } from '../../components/RecordListPage';
import { useEditDialog } from '../../components/useEditDialog';
import { t } from '../../i18n';
import { AgreementFormModal } from './AgreementFormModal';
import { useAgreements } from './agreementsStore';

/** 费用协商: fees agreed with evaluation organizations, each within the cap in force. */
export function AgreementsPage() {
  const { items, load, saving, save } = useAgreements();
  const { edit, dialog } = useEditDialog<FeeAgreement>((agreement, close) => (
    <AgreementFormModal agreement={agreement} saving={saving} onSave={save} onClose={close} />
  ));
  const text = t.agreements;

  const certificateFilters = [...new Set(items.map((a) => a.certificateName))].map((name) => ({
    value: name,
    text: name,
  }));
  const recordColumns = useRecordColumns<FeeAgreement>('agreements', text, edit);
  const columns: ColumnsType<FeeAgreement> = [
    {
      title: text.fields.certificateId,
      dataIndex: 'certificateName',
      width: 170,
      render: (name: string, a) => twoLines(name, a.organization),
      sorter: (a, b) => byText(a.certificateName, b.certificateName),
      filters: certificateFilters,
      onFilter: (value, a) => a.certificateName === value,
    },
    {
      title: text.fields.level,
      dataIndex: 'level',
      width: 90,
      render: (l: CertificateLevel, a) =>
        twoLines(certificateLevelLabels[l], capFormLabels[a.examForm ?? 'any']),
      filters: certificateLevels.map((l) => ({ value: l, text: certificateLevelLabels[l] })),
      onFilter: (value, a) => a.level === value,
    },
    {
      title: text.fields.fee,
      dataIndex: 'feeFen',
      align: 'right',
      width: 160,
      // The cap it was held to, under it: a column of its own would not fit a 1280 px window.
      render: (fen: number, a) =>
        twoLines(formatFen(fen), text.capInForce(formatFen(a.capFen), a.capDocument)),
      sorter: (a, b) => a.feeFen - b.feeFen,
    },
    newestFirstColumn('agreedOn', text.fields.agreedOn, 115),
    {
      title: text.fields.partnerSchools,
      dataIndex: 'partnerSchools',
      render: (names: string[]) =>
        names.length === 0 ? text.alone : names.map((n) => <Tag key={n}>{n}</Tag>),
    },
    ...recordColumns,
  ];

  return (
    <>
      <RecordListPage text={text} onAdd={() => edit('new')} load={load}>
        <DataTable<FeeAgreement>
          rowKey="id"
          columns={columns}
          dataSource={items}
          emptyHint={text.emptyHint}
          scroll={{ x: 'max-content' }}
          data-testid="agreements-table"
        />
      </RecordListPage>
      {dialog}
    </>
  );
}
