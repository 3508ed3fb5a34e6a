import { Flex, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useListSearch } from '../../components/useListSearch';
import type { TrainingSite } from '../../../../shared/contract/sites';
import {
  agreementStatus,
  campusKinds,
  campusLabels,
  type AgreementStatus,
} from '../../../../shared/domain/facilities';
import { DataTable } from '../../components/DataTable';
import { byText } from '../../components/format';
import { t } from '../../i18n';
import { AttachmentsPanel } from '../attachments/AttachmentsPanel';
import { useSites } from './sitesStore';
import { formatDateSpan } from '../../../../shared/domain/dates';
import { editDeleteColumn } from '../../components/editDeleteColumn';

const statusColor: Record<AgreementStatus, string> = {
  none: 'default',
  pending: 'blue',
  active: 'green',
  expired: 'red',
};
const statuses: readonly AgreementStatus[] = ['active', 'pending', 'expired', 'none'];

interface Props {
  onEdit: (site: TrainingSite) => void;
}

const siteTexts = (site: TrainingSite) => [site.name, site.partner];

export function SitesTable({ onEdit }: Props) {
  const { items, usage, remove } = useSites();
  const s = t.sites;
  const today = dayjs().format('YYYY-MM-DD');
  const statusOf = (site: TrainingSite) =>
    agreementStatus(site.agreementStart, site.agreementEnd, today);

  const { rows, box } = useListSearch(items, siteTexts, s.searchPlaceholder);

  const columns: ColumnsType<TrainingSite> = [
    { title: s.fields.name, dataIndex: 'name', sorter: (a, b) => byText(a.name, b.name) },
    {
      title: s.fields.campus,
      dataIndex: 'campus',
      width: 120,
      render: (campus: TrainingSite['campus']) => (
        <Tag color={campus === 'on' ? 'geekblue' : 'purple'}>{campusLabels[campus]}</Tag>
      ),
      filters: campusKinds.map((value) => ({ value, text: campusLabels[value] })),
      onFilter: (value, site) => site.campus === value,
      sorter: (a, b) => byText(a.campus, b.campus),
    },
    {
      title: s.fields.partner,
      dataIndex: 'partner',
      render: (partner: string) => partner || '—',
      sorter: (a, b) => byText(a.partner, b.partner),
    },
    {
      title: s.fields.capacity,
      dataIndex: 'capacity',
      width: 120,
      align: 'right',
      sorter: (a, b) => a.capacity - b.capacity,
    },
    {
      title: s.fields.agreement,
      key: 'agreement',
      width: 250,
      render: (_, site) =>
        site.agreementStart && site.agreementEnd
          ? formatDateSpan(site.agreementStart, site.agreementEnd)
          : '—',
      sorter: (a, b) => byText(a.agreementEnd ?? '', b.agreementEnd ?? ''),
    },
    {
      title: s.fields.agreementStatus,
      key: 'status',
      width: 120,
      render: (_, site) => {
        const status = statusOf(site);
        return <Tag color={statusColor[status]}>{s.agreementStatus[status]}</Tag>;
      },
      filters: statuses.map((value) => ({ value, text: s.agreementStatus[value] })),
      onFilter: (value, site) => statusOf(site) === value,
    },
    editDeleteColumn<TrainingSite>({
      kind: 'site',
      testKey: (site) => site.id,
      what: (site) => `实习实训场所“${site.name}”`,
      deleted: (site) => s.deleted(site.name),
      onEdit,
      usage,
      remove,
    }),
  ];

  return (
    <>
      <Flex gap={12} style={{ marginBottom: 16 }}>
        {box}
      </Flex>
      <DataTable<TrainingSite>
        rowKey="id"
        columns={columns}
        dataSource={rows}
        expandable={{
          expandedRowRender: (site) => (
            <AttachmentsPanel
              ownerType="site"
              ownerId={site.id}
              kinds={['cooperation_agreement', 'other']}
              title={s.attachmentsTitle}
              description={s.attachmentsDescription}
            />
          ),
        }}
        emptyHint={items.length ? s.noMatch : s.emptyHint}
        data-testid="sites-table"
      />
    </>
  );
}
