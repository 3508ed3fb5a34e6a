import { Button, Flex, Input, Select, Space } from 'antd';
import type { Dispatch, SetStateAction } from 'react';
import type { Signup, SignupPage } from '../../../../shared/contract/exams';
import {
  allowedNextStatuses,
  isFinalStatus,
  signupStatusLabels,
  signupStatuses,
  type SignupStatus,
} from '../../../../shared/domain/exams';
import { MultiFilterSelect } from '../../components/FilterSelect';
import { t } from '../../i18n';
import type { SignupQuery } from './signupQuery';
import type { BulkStatus } from './useBulkStatus';

const text = t.exams.detail;

/** Statuses some selected sign-ups can move to (withdrawal has its own button). */
function bulkTargets(selected: readonly Signup[]): SignupStatus[] {
  const targets = new Set<SignupStatus>();
  for (const s of selected) for (const next of allowedNextStatuses(s.status)) targets.add(next);
  targets.delete('withdrawn');
  return signupStatuses.filter((s) => targets.has(s));
}

interface Props {
  query: SignupQuery;
  setQuery: Dispatch<SetStateAction<SignupQuery>>;
  statusCounts: SignupPage['statusCounts'];
  bulk: BulkStatus;
}

/** Above the sign-up list: search, the status filter, and the status change for the ticked rows. */
export function SignupToolbar({ query, setQuery, statusCounts, bulk }: Props) {
  const { selected, target, setTarget, busy, applyStatus } = bulk;
  const targets = bulkTargets(selected);
  const canWithdraw = selected.length > 0 && selected.some((s) => !isFinalStatus(s.status));
  return (
    <Flex gap={12} wrap style={{ marginBottom: 16 }} align="center">
      <Input.Search
        allowClear
        placeholder={text.searchPlaceholder}
        aria-label={text.searchPlaceholder}
        style={{ width: 240 }}
        onSearch={(search) => setQuery((q) => ({ ...q, search, page: 1 }))}
      />
      <MultiFilterSelect
        label={text.statusFilter}
        minWidth={240}
        value={query.statuses}
        onChange={(statuses) => setQuery((q) => ({ ...q, statuses, page: 1 }))}
        options={signupStatuses.map((s) => ({
          value: s,
          label: `${signupStatusLabels[s]}（${statusCounts[s]}）`,
        }))}
      />
      <Space style={{ marginLeft: 'auto' }}>
        <span>{text.selected(selected.length)}</span>
        <Select
          style={{ width: 140 }}
          placeholder={text.statusPlaceholder}
          aria-label={text.changeStatus}
          disabled={targets.length === 0}
          value={target}
          onChange={(v: SignupStatus) => setTarget(v)}
          options={targets.map((s) => ({ value: s, label: signupStatusLabels[s] }))}
        />
        <Button
          disabled={!target || selected.length === 0}
          loading={busy}
          onClick={() => target && void applyStatus(target)}
        >
          {text.apply}
        </Button>
        <Button
          danger
          disabled={!canWithdraw || busy}
          onClick={() => void applyStatus('withdrawn')}
        >
          {text.withdraw}
        </Button>
      </Space>
    </Flex>
  );
}
