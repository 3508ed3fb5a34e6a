import { DownloadOutlined, DownOutlined } from '@ant-design/icons';
import { Alert, App, Button, Dropdown, Space, Tabs, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import { invoke, messageOf } from '../../api/client';
import { saveSheet } from '../../api/files';
import { combined, useQuery } from '../../api/useQuery';
import { useNavigation } from '../../app/navigationStore';
import { DataCentreExportButton } from '../../components/DataCentreExportButton';
import { LoadState } from '../../components/LoadState';
import { PageHeader } from '../../components/PageHeader';
import { t } from '../../i18n';
import { useFeesStore, useLedgerFacets, useLedgerPage } from './feesStore';
import { LedgerTab } from './LedgerTab';
import { PaymentsTab } from './PaymentsTab';
import { RulesTab } from './RulesTab';
import { StatementDrawer } from './StatementDrawer';
import { TotalsTab } from './TotalsTab';
import { UploadLayoutsModal } from './UploadLayoutsModal';

const text = t.fees;
const tabKeys = ['ledger', 'rules', 'payments', 'totals'] as const;
type TabKey = (typeof tabKeys)[number];

/** The two sheets: 考生信息上传表 needs one batch chosen in the filter; 费用明细表 follows it. */
function Downloads() {
  const { message, modal } = App.useApp();
  const batchIds = useFeesStore((s) => s.query.batchIds);
  const [busy, setBusy] = useState<string | null>(null);
  const [layoutId, setLayoutId] = useState<number | null>(null);
  const [managing, setManaging] = useState(false);
  const layouts = useQuery('fees.uploadLayouts.list', {}).data ?? [];
  // A deleted layout falls back to the standard one rather than failing the download.
  const chosen = layouts.find((l) => l.id === layoutId);
  const chosenLayout = chosen?.id ?? null;
  const batchId = batchIds.length === 1 ? batchIds[0] : null;
  /** 15-digit IDs are listed before the upload sheet: the platform may refuse them. */
  const confirmFlags = async (id: number): Promise<boolean> => {
    const flags = await invoke('fees.uploadSheetFlags', { batchId: id });
    if (flags.length === 0) return true;
    return modal.confirm({
      width: 600,
      title: text.uploadFlagsTitle(flags.length),
      content: (
        <div data-testid="upload-flags">
          <p>{text.uploadFlagsHint}</p>
          <ul style={{ maxHeight: 320, overflow: 'auto', paddingLeft: 20 }}>
            {flags.map((f) => (
              <li key={f.studentNo}>
                {text.uploadFlag(f.studentNo, f.name, f.idNumber, f.message)}
              </li>
            ))}
          </ul>
        </div>
      ),
      okText: text.uploadAnyway,
      cancelText: t.common.cancel,
    });
  };
  const run = async (which: 'upload' | 'fees') => {
    setBusy(which);
    try {
      if (which === 'upload' && batchId !== null && !(await confirmFlags(batchId))) return;
      const sheet =
        which === 'upload' && batchId !== null
          ? await invoke('fees.uploadSheet', { batchId, layoutId: chosenLayout })
          : await invoke('fees.feeSheet', { batchId });
      saveSheet(sheet);
      message.success(text.downloaded(sheet.fileName));
    } catch (error) {
      message.error(`${t.common.requestFailed}：${messageOf(error)}`);
    } finally {
      setBusy(null);
    }
  };
  const organizations = [...new Set(layouts.map((l) => l.organization))];
  return (
    <>
      <Space.Compact>
        <Tooltip title={batchId === null ? text.downloadUploadHint : undefined}>
          <Button
            icon={<DownloadOutlined />}
            disabled={batchId === null}
            loading={busy === 'upload'}
            onClick={() => void run('upload')}
          >
            {text.downloadUpload}
            {chosen ? text.inLayout(chosen.name) : ''}
          </Button>
        </Tooltip>
        <Dropdown
          trigger={['click']}
          menu={{
            selectable: true,
            selectedKeys: [String(chosenLayout ?? 0)],
            onClick: ({ key }) => {
              if (key === 'manage') setManaging(true);
              else setLayoutId(key === '0' ? null : Number(key));
            },
            items: [
              { key: '0', label: text.standardLayout },
              ...organizations.map((organization) => ({
                type: 'group' as const,
                key: `org-${organization}`,
                label: organization,
                children: layouts
                  .filter((l) => l.organization === organization)
                  .map((l) => ({ key: String(l.id), label: l.name })),
              })),
              { type: 'divider' as const },
              { key: 'manage', label: text.manageLayouts },
            ],
          }}
        >
          <Button
            icon={<DownOutlined />}
            aria-label={text.layoutPicker}
            data-testid="upload-layout"
          />
        </Dropdown>
      </Space.Compact>
      {managing && <UploadLayoutsModal onClose={() => setManaging(false)} />}
      <Button
        icon={<DownloadOutlined />}
        loading={busy === 'fees'}
        onClick={() => void run('fees')}
      >
        {text.downloadFees}
      </Button>
      <DataCentreExportButton
        handler="fees.skillCertificatesSheet"
        label={text.skillCertificatesSheet}
      />
      <DataCentreExportButton handler="fees.xCertificatesSheet" label={text.xCertificatesSheet} />
    </>
  );
}

/** 费用台账: route `fees/<tab>[/student/<id>]`. */
export function FeesPage() {
  const sub = useNavigation((s) => s.sub);
  const go = useNavigation((s) => s.go);
  const { state, error, retry } = combined(useLedgerPage(), useLedgerFacets());
  const [first = 'ledger', kind, id] = sub.split('/');
  const tab: TabKey = (tabKeys as readonly string[]).includes(first) ? (first as TabKey) : 'ledger';
  const studentId = kind === 'student' && /^\d+$/.test(id ?? '') ? Number(id) : null;
  // The ticked rows belong to this visit: leaving the page drops them, so a bulk change made
  // after coming back never takes rows ticked before (the filters stay).
  const setSelected = useFeesStore((s) => s.setSelected);
  useEffect(() => () => setSelected([]), [setSelected]);

  return (
    <div>
      <PageHeader title={text.title} description={text.intro} extra={<Downloads />} />
      <Alert type="info" showIcon message={text.noTrainingFee} style={{ marginBottom: 12 }} />
      <LoadState state={state} error={error} onRetry={retry}>
        <Tabs
          activeKey={tab}
          onChange={(key) => go(`fees/${key}`)}
          destroyOnHidden
          items={[
            { key: 'ledger', label: text.tabs.ledger, children: <LedgerTab /> },
            { key: 'rules', label: text.tabs.rules, children: <RulesTab /> },
            { key: 'payments', label: text.tabs.payments, children: <PaymentsTab /> },
            { key: 'totals', label: text.tabs.totals, children: <TotalsTab /> },
          ]}
        />
      </LoadState>
      {studentId !== null && (
        <StatementDrawer studentId={studentId} onClose={() => go(`fees/${tab}`)} />
      )}
    </div>
  );
}
