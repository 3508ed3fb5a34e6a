import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Input, Space, Switch, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useMemo, useState } from 'react';
import type { Certificate } from '../../../../shared/contract/catalogue';
import dayjs from 'dayjs';
import { certificateLevelLabels } from '../../../../shared/domain/certificate';
import { isInForce, limitName, limitText } from '../../../../shared/domain/costCaps';
import { messageOf } from '../../api/client';
import { DataTable } from '../../components/DataTable';
import { byText, formatFen } from '../../components/format';
import { LoadState } from '../../components/LoadState';
import { PageHeader } from '../../components/PageHeader';
import { ConfirmLink, EditLink } from '../../components/RowActions';
import { t } from '../../i18n';
import { useCatalogueStore, useCertificates } from './catalogueStore';
import { CertificateDrawer } from './CertificateDrawer';
import { ImportButton } from '../../components/ImportButton';

const text = t.catalogue;
const isSample = (c: Certificate) => c.source.startsWith('样例数据');

/** The caps and approved fees in force today, per level; older and later ones in the drawer. */
function CapsCell({ certificate }: { certificate: Certificate }) {
  const today = dayjs().format('YYYY-MM-DD');
  return (
    <Flex vertical gap={2}>
      {certificate.levels.map((l) => {
        const current = certificate.limits.filter(
          (c) => c.level === l.level && isInForce(c, today),
        );
        const others =
          certificate.limits.filter((c) => c.level === l.level).length - current.length;
        return (
          <span key={l.level} data-testid={`cap-${certificate.id}-${l.level}`}>
            <Typography.Text type="secondary">{certificateLevelLabels[l.level]}</Typography.Text>{' '}
            {current.length === 0 && <Tag bordered={false}>{text.notEntered}</Tag>}
            {current.map((c) => (
              <Tooltip key={c.id} title={limitText(c)}>
                <Typography.Text style={{ marginRight: 8 }}>
                  {c.kind === 'cap' && c.examForm === 'any' ? '' : `${limitName(c)} `}
                  {formatFen(c.amountFen)}
                </Typography.Text>
              </Tooltip>
            ))}
            {others > 0 && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {text.otherLimits(others)}
              </Typography.Text>
            )}
          </span>
        );
      })}
    </Flex>
  );
}

/** 证书目录: the certificates the school may pilot, their levels, caps and hardware needs. */
export function CataloguePage() {
  const { message } = App.useApp();
  const { filter, busyId, setFilter, setArchived } = useCatalogueStore();
  const list = useCertificates();
  const certificates = useMemo(() => list.data ?? [], [list.data]);
  const [editing, setEditing] = useState<Certificate | null>(null);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [search, setSearch] = useState(filter.search);

  // Search as the user types, once they pause.
  useEffect(() => {
    if (search === useCatalogueStore.getState().filter.search) return undefined;
    const timer = setTimeout(() => setFilter({ search }), 250);
    return () => clearTimeout(timer);
  }, [search, setFilter]);

  const openEditor = (certificate: Certificate | null) => {
    setEditing(certificate);
    setDrawerOpen(true);
  };

  const toggleArchived = async (certificate: Certificate) => {
    try {
      const result = await setArchived(certificate.id, !certificate.archived);
      message.success(result.archived ? text.archived(result.name) : text.unarchived(result.name));
    } catch (error) {
      message.error(`${t.common.requestFailed}：${messageOf(error)}`);
    }
  };

  const batches = useMemo(
    () => [...new Set(certificates.map((c) => c.batch).filter((b) => b !== ''))].sort(byText),
    [certificates],
  );

  const columns: ColumnsType<Certificate> = [
    {
      title: text.columns.name,
      dataIndex: 'name',
      sorter: (a, b) => byText(a.name, b.name),
      render: (_, c) => (
        <Space size={4} wrap>
          <Typography.Text strong={!c.archived} type={c.archived ? 'secondary' : undefined}>
            {c.name}
          </Typography.Text>
          {isSample(c) && (
            <Tooltip title={c.source}>
              <Tag color="gold">{text.sample}</Tag>
            </Tooltip>
          )}
          {c.archived && <Tag>{text.archivedTag}</Tag>}
        </Space>
      ),
    },
    {
      title: text.columns.organization,
      dataIndex: 'organization',
      sorter: (a, b) => byText(a.organization, b.organization),
      ellipsis: true,
    },
    {
      title: text.columns.batch,
      dataIndex: 'batch',
      width: 100,
      sorter: (a, b) => byText(a.batch, b.batch),
      filters: batches.map((b) => ({ text: b, value: b })),
      onFilter: (value, c) => c.batch === value,
    },
    {
      title: text.columns.caps,
      key: 'caps',
      width: 260,
      render: (_, c) => <CapsCell certificate={c} />,
    },
    {
      title: text.columns.requirements,
      key: 'requirements',
      width: 110,
      sorter: (a, b) => a.requirements.length - b.requirements.length,
      render: (_, c) => (
        <Tooltip
          title={
            c.requirements.length > 0
              ? c.requirements.map((r, i) => `${i + 1}. ${r.text}`).join('\n')
              : undefined
          }
          styles={{ body: { whiteSpace: 'pre-line' } }}
        >
          <Typography.Text type={c.requirements.length === 0 ? 'secondary' : undefined}>
            {text.requirementCount(c.requirements.length)}
          </Typography.Text>
        </Tooltip>
      ),
    },
    {
      title: text.columns.actions,
      key: 'actions',
      width: 140,
      render: (_, c) => (
        <Space size={0}>
          <EditLink onClick={() => openEditor(c)} />
          {c.archived ? (
            <Button
              type="link"
              size="small"
              loading={busyId === c.id}
              onClick={() => void toggleArchived(c)}
            >
              {text.unarchive}
            </Button>
          ) : (
            <ConfirmLink
              title={text.archiveConfirm(c.name)}
              loading={busyId === c.id}
              onConfirm={() => toggleArchived(c)}
            >
              {text.archive}
            </ConfirmLink>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={text.title}
        description={text.intro}
        extra={
          <>
            <ImportButton list="catalogue" text={text} />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => openEditor(null)}>
              {text.add}
            </Button>
          </>
        }
      />
      <Flex gap={16} align="center" style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          style={{ maxWidth: 360 }}
          placeholder={text.searchPlaceholder}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onSearch={(value) => setFilter({ search: value })}
          aria-label={t.common.search}
        />
        <Space>
          <Switch
            id="catalogue-show-archived"
            checked={filter.includeArchived}
            onChange={(checked) => setFilter({ includeArchived: checked })}
          />
          <label htmlFor="catalogue-show-archived">{text.showArchived}</label>
        </Space>
      </Flex>
      <LoadState state={list.state} error={list.error} onRetry={list.retry}>
        <DataTable<Certificate>
          rowKey="id"
          data-testid="catalogue-table"
          columns={columns}
          dataSource={certificates}
          emptyHint={filter.search ? text.emptySearch : text.emptyHint}
        />
      </LoadState>
      <CertificateDrawer
        open={drawerOpen}
        certificate={editing}
        onClose={() => setDrawerOpen(false)}
      />
    </>
  );
}
