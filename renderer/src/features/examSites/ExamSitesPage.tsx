import { Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ExamSite, ExamSitePlace } from '../../../../shared/contract/examSites';
import {
  examSiteStatuses,
  examSiteStatusLabels,
  validPeriodText,
  type ExamSiteStatus,
} from '../../../../shared/domain/examSites';
import { CertificateFilteredTable } from '../../components/CertificateFilteredTable';
import { useRecordColumns } from '../../components/recordColumns';
import { byText } from '../../components/format';
import { newestFirstColumn } from '../../components/sortedColumns';
import { RecordListPage } from '../../components/RecordListPage';
import { useEditDialog } from '../../components/useEditDialog';
import { t } from '../../i18n';
import { ExamSiteFormModal } from './ExamSiteFormModal';
import { useExamSites } from './examSitesStore';

const statusColors: Record<ExamSiteStatus, string> = {
  pending: 'processing',
  approved: 'success',
  rejected: 'error',
};

/** 考核站点: the school's exam-site applications per certificate and the places they cover. */
export function ExamSitesPage() {
  const { items, load, saving, save } = useExamSites();
  const { edit, dialog } = useEditDialog<ExamSite>((site, close) => (
    <ExamSiteFormModal site={site} saving={saving} onSave={save} onClose={close} />
  ));
  const text = t.examSites;

  const recordColumns = useRecordColumns<ExamSite>('examSites', text, edit);
  const columns: ColumnsType<ExamSite> = [
    {
      title: text.fields.certificateId,
      dataIndex: 'certificateName',
      width: 140,
      sorter: (a, b) => byText(a.certificateName, b.certificateName),
    },
    {
      title: text.fields.status,
      dataIndex: 'status',
      width: 90,
      render: (s: ExamSiteStatus) => <Tag color={statusColors[s]}>{examSiteStatusLabels[s]}</Tag>,
      sorter: (a, b) => examSiteStatuses.indexOf(a.status) - examSiteStatuses.indexOf(b.status),
    },
    newestFirstColumn('appliedOn', text.fields.appliedOn, 120),
    {
      title: text.fields.validPeriod,
      key: 'validPeriod',
      width: 170,
      render: (_, s) => (s.validFrom ? validPeriodText(s.validFrom, s.validTo) : text.noPeriod),
      sorter: (a, b) => byText(a.validTo ?? '9999', b.validTo ?? '9999'),
    },
    {
      title: text.fields.places,
      dataIndex: 'places',
      render: (places: ExamSitePlace[]) =>
        places.map((p) => (
          <Tag key={`${p.kind}:${p.id}`} color={p.kind === 'room' ? 'blue' : 'geekblue'}>
            {p.name}
          </Tag>
        )),
    },
    ...recordColumns,
  ];

  return (
    <>
      <RecordListPage text={text} onAdd={() => edit('new')} load={load}>
        <CertificateFilteredTable<ExamSite, 'status'>
          items={items}
          filter={{
            field: 'status',
            label: text.allStatuses,
            width: 140,
            options: examSiteStatuses.map((s) => ({ value: s, label: examSiteStatusLabels[s] })),
          }}
          text={text}
          columns={columns}
          // Fits the 1280-px window's page (1,032 px) whole: 覆盖场所 takes what is left and wraps.
          scroll={{ x: 1030 }}
          data-testid="exam-sites-table"
        />
      </RecordListPage>
      {dialog}
    </>
  );
}
