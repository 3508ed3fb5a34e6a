import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Select } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { FundLine } from '../../../../shared/contract/funds';
import type { FundDirection } from '../../../../shared/domain/funds';
import { messageOf } from '../../api/client';
import { mutate } from '../../api/queryCache';
import { useQuery } from '../../api/useQuery';
import { useNavigation } from '../../app/navigationStore';
import { DataTable } from '../../components/DataTable';
import { LoadState } from '../../components/LoadState';
import { PageHeader } from '../../components/PageHeader';
import { t } from '../../i18n';
import { FundFormModal } from './FundFormModal';
import { FundsByProject } from './FundsByProject';
import { FundsExports } from './FundsExports';
import { fundLineColumns } from './fundLineColumns';
import { FundsProgress } from './FundsProgress';
import { FundsSummary } from './FundsSummary';

const text = t.funds;

type Editing = { direction: FundDirection; line: FundLine | null } | null;

/** 试点经费: route `funds[/<year>[/<project id>]]`. */
export function FundsPage() {
  const { message } = App.useApp();
  const sub = useNavigation((s) => s.sub);
  const go = useNavigation((s) => s.go);
  const [yearText, projectText] = sub.split('/');
  const year = /^\d{4}$/.test(yearText ?? '') ? Number(yearText) : dayjs().year();
  const projectId = /^\d+$/.test(projectText ?? '') ? Number(projectText) : null;
  const overview = useQuery('funds.overview', { year, projectId }, { keepPrevious: true });
  const [editing, setEditing] = useState<Editing>(null);
  const o = overview.data;
  const choose = (y: number, p: number | null) => go(p === null ? `funds/${y}` : `funds/${y}/${p}`);

  const remove = async (line: FundLine) => {
    try {
      await mutate('funds.delete', { id: line.entryId! });
      message.success(text.deleted);
    } catch (error) {
      message.error(`${t.common.requestFailed}：${messageOf(error)}`);
    }
  };

  const columns = fundLineColumns({
    projectId,
    onEdit: (l) => setEditing({ direction: l.direction, line: l }),
    onDelete: (l) => void remove(l),
    onEditPayment: () => go('fees/payments'),
  });

  const noProjects = o !== null && o.projects.length === 0;
  return (
    <div>
      <PageHeader
        title={text.title}
        description={text.intro}
        extra={
          <>
            <FundsExports year={year} projectId={projectId} />
            <Button
              icon={<PlusOutlined />}
              disabled={noProjects}
              onClick={() => setEditing({ direction: 'spending', line: null })}
            >
              {text.addSpending}
            </Button>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              disabled={noProjects}
              onClick={() => setEditing({ direction: 'income', line: null })}
            >
              {text.addIncome}
            </Button>
          </>
        }
      />
      <Alert type="info" showIcon message={text.noStudentMoney} style={{ marginBottom: 12 }} />
      <Flex gap={16} align="center" style={{ marginBottom: 16 }}>
        <span>{text.year}</span>
        <Select
          id="funds-year"
          style={{ width: 140 }}
          value={year}
          onChange={(y: number) => choose(y, projectId)}
          options={(o?.years ?? [year]).map((y) => ({ value: y, label: text.yearOption(y) }))}
        />
        <span>{text.project}</span>
        <Select
          id="funds-project"
          style={{ width: 300 }}
          value={projectId ?? 0}
          onChange={(p: number) => choose(year, p === 0 ? null : p)}
          options={[
            { value: 0, label: text.allProjects },
            ...(o?.projects ?? []).map((p) => ({ value: p.id, label: p.label })),
          ]}
        />
      </Flex>
      <LoadState state={overview.state} error={overview.error} onRetry={overview.retry}>
        {o && (
          <>
            {noProjects && (
              <Alert
                type="warning"
                showIcon
                message={text.noProjects}
                style={{ marginBottom: 12 }}
              />
            )}
            <FundsSummary overview={o} />
            {projectId === null && o.byProject.length > 0 && (
              <FundsByProject rows={o.byProject} onPick={(id) => choose(year, id)} />
            )}
            <FundsProgress year={year} />
            <Card size="small" title={text.lines}>
              <DataTable<FundLine>
                rowKey="key"
                size="small"
                data-testid="funds-lines"
                dataSource={o.lines}
                emptyHint={text.empty}
                columns={columns}
                scroll={{ x: 'max-content' }}
              />
            </Card>
          </>
        )}
      </LoadState>
      {editing && o && (
        <FundFormModal
          direction={editing.direction}
          line={editing.line}
          projects={o.projects}
          projectId={projectId}
          onClose={() => setEditing(null)}
        />
      )}
    </div>
  );
}
