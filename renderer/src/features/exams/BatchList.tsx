import { TeamOutlined } from '@ant-design/icons';
import { ActionLink } from '../../components/RowActions';
import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';
import type { ExamBatch } from '../../../../shared/contract/exams';
import {
  certificateLevelLabels,
  certificateLevels,
  type CertificateLevel,
} from '../../../../shared/domain/certificate';
import { examFormLabels, type ExamForm } from '../../../../shared/domain/costCaps';
import { useNavigation } from '../../app/navigationStore';
import { CertificateFilteredTable } from '../../components/CertificateFilteredTable';
import { byText, formatDate, formatFen } from '../../components/format';
import { noWrap } from '../../components/noWrap';
import { RecordListPage } from '../../components/RecordListPage';
import { useEditDialog } from '../../components/useEditDialog';
import { t } from '../../i18n';
import { BatchFormModal } from './BatchFormModal';
import { ExamSiteVerdict } from '../examSites/ExamSiteVerdict';
import { CapStandingTag } from './CapStandingTag';
import { batchLabel } from '../../../../shared/domain/batchLabel';
import { useBatches, useExamRefs } from './examsStore';
import { editDeleteColumn } from '../../components/editDeleteColumn';

/** 考核报名: the exam batches, filtered by certificate and level; each opens its sign-ups. */
export function BatchList() {
  const { items, load, saving, save, usage, remove } = useBatches();
  const { certificates } = useExamRefs();
  const go = useNavigation((s) => s.go);
  const { edit, dialog } = useEditDialog<ExamBatch>((batch, close) => (
    <BatchFormModal batch={batch} saving={saving} onSave={save} onClose={close} />
  ));
  const text = t.exams;

  const certificateOptions = useMemo(() => {
    const named = new Map(items.map((b) => [b.certificateId, b.certificateName]));
    for (const c of certificates) named.set(c.id, c.name);
    return [...named].map(([value, label]) => ({ value, label }));
  }, [items, certificates]);

  // Short headers stay on one line (考核形式 and 报名人数 broke in two at 1280 px); the
  // certificate, batch and place names wrap instead.
  const columns: ColumnsType<ExamBatch> = [
    {
      title: text.fields.examDate,
      dataIndex: 'examDate',
      width: 140,
      render: (d: string) => noWrap(formatDate(d)),
      sorter: (a, b) => byText(a.examDate, b.examDate),
      defaultSortOrder: 'descend',
    },
    {
      title: text.fields.certificateId,
      dataIndex: 'certificateName',
      minWidth: 110,
      sorter: (a, b) => byText(a.certificateName, b.certificateName),
    },
    {
      title: noWrap(text.fields.level),
      dataIndex: 'level',
      width: 70,
      render: (l: CertificateLevel) => certificateLevelLabels[l],
      sorter: (a, b) => certificateLevels.indexOf(a.level) - certificateLevels.indexOf(b.level),
    },
    {
      title: noWrap(text.fields.examForm),
      dataIndex: 'examForm',
      width: 90,
      render: (f: ExamForm | null) => (f === null ? text.noExamForm : examFormLabels[f]),
    },
    {
      title: text.fields.name,
      dataIndex: 'name',
      minWidth: 96,
      render: (name: string) => name || '—',
      sorter: (a, b) => byText(a.name, b.name),
    },
    {
      title: text.fields.siteId,
      dataIndex: 'siteName',
      minWidth: 110,
      render: (name: string, b) => (
        <>
          {name || '—'} <ExamSiteVerdict verdict={b.examSite} examDate={b.examDate} compact />
        </>
      ),
      sorter: (a, b) => byText(a.siteName, b.siteName),
    },
    {
      title: noWrap(text.fields.feePerPerson),
      dataIndex: 'feeFen',
      align: 'right',
      width: 120,
      render: (fen: number, b) =>
        noWrap(
          <>
            {formatFen(fen)}
            <CapStandingTag batch={b} compact />
          </>,
        ),
      sorter: (a, b) => a.feeFen - b.feeFen,
    },
    {
      title: noWrap(text.fields.signups),
      key: 'signups',
      align: 'right',
      width: 100,
      render: (_, b) => text.signupCount(b.activeCount, b.capacity),
      sorter: (a, b) => a.activeCount - b.activeCount,
    },
    editDeleteColumn<ExamBatch>({
      kind: 'batch',
      testKey: (batch) => batch.id,
      what: (batch) => text.batchWhat(batchLabel(batch)),
      deleted: (batch) => text.deleted(batchLabel(batch)),
      onEdit: edit,
      usage,
      remove,
      width: 220,
      before: (batch) => (
        <ActionLink
          icon={<TeamOutlined />}
          onClick={() => go(`exams/${batch.id}`)}
          data-testid={`batch-open-${batch.id}`}
        >
          {text.open}
        </ActionLink>
      ),
    }),
  ];

  return (
    <>
      <RecordListPage text={text} onAdd={() => edit('new')} load={load}>
        <CertificateFilteredTable<ExamBatch, 'level'>
          items={items}
          certificates={certificateOptions}
          filter={{
            field: 'level',
            label: text.allLevels,
            width: 140,
            options: certificateLevels.map((l) => ({ value: l, label: certificateLevelLabels[l] })),
          }}
          text={text}
          columns={columns}
          data-testid="batches-table"
        />
      </RecordListPage>
      {dialog}
    </>
  );
}
