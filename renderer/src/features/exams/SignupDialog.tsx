import { Alert, App, Button, Flex, Input, Modal, Select, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import type {
  Candidate,
  CandidateFilter,
  CandidatePage,
  ExamBatch,
} from '../../../../shared/contract/exams';
import { projectStatusLabels, type ProjectStatus } from '../../../../shared/domain/projectStatus';
import { messageOf, PilotError } from '../../api/client';
import { mutate } from '../../api/queryCache';
import { useQuery } from '../../api/useQuery';
import { DataTable } from '../../components/DataTable';
import { MultiFilterSelect } from '../../components/FilterSelect';
import { useUnsavedGuard } from '../../components/useUnsavedGuard';
import { t } from '../../i18n';
import { batchLabel } from '../../../../shared/domain/batchLabel';
import { batchFeeOverLimit } from '../../../../shared/domain/batchCap';
import { placesLeft, placesShort } from '../../../../shared/domain/batchPlaces';
import { noWrap } from '../../components/noWrap';

type Filter = Required<CandidateFilter>;
const emptyFilter: Filter = { search: '', majors: [], classNames: [], entryYears: [], pilot: null };

/**
 * What is ticked: these students, or every student matching the filter except these. The
 * second spans pages, so unticking one on screen leaves all the others on every page.
 */
type Selection = { all: false; ids: number[] } | { all: true; except: number[] };
const noSelection: Selection = { all: false, ids: [] };

interface Props {
  batch: ExamBatch;
  onDone: () => void;
  onClose: () => void;
}

/**
 * Bulk sign-up: filter the students, tick some or take every match, then sign up; the core's
 * warnings (no 省级确认 project, majors outside it) are confirmed in a second dialog.
 */
export function SignupDialog({ batch, onDone, onClose }: Props) {
  const { message, modal } = App.useApp();
  const [filter, setFilter] = useState<Filter>(emptyFilter);
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [selection, setSelection] = useState<Selection>(noSelection);
  const [busy, setBusy] = useState(false);
  const text = t.exams.signup;

  const facetsQuery = useQuery('students.facets', {});
  const facets = facetsQuery.data;
  // The page on screen stays while the answer to a new filter or page is on its way.
  const candidates = useQuery(
    'exams.signups.candidates',
    { batchId: batch.id, ...filter, ...paging },
    { keepPrevious: true },
  );
  const result: CandidatePage | null = candidates.data;
  const error = candidates.error ?? facetsQuery.error;
  const loading = candidates.fetching || candidates.state === 'loading';

  const changeFilter = (patch: Partial<Filter>) => {
    setFilter((f) => ({ ...f, ...patch }));
    setPaging((p) => ({ ...p, page: 1 }));
    // “All matching” meant the old filter; explicit ticks stay.
    setSelection((sel) => (sel.all ? noSelection : sel));
  };

  const create = async (confirm: boolean): Promise<void> => {
    setBusy(true);
    try {
      const input = selection.all
        ? { batchId: batch.id, filter, exceptIds: selection.except, confirm }
        : { batchId: batch.id, studentIds: selection.ids, confirm };
      const done = await mutate('exams.signups.create', input);
      message.success(text.done(done.created, done.skipped));
      onDone();
      onClose();
    } catch (e) {
      if (e instanceof PilotError && e.shape.code === 'NEEDS_CONFIRMATION') {
        const { warnings = [], adding = 0 } = e.shape.details ?? {};
        modal.confirm({
          title: text.confirmTitle,
          width: 560,
          content: (
            <>
              <ul style={{ paddingLeft: 18 }}>
                {warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
              <Typography.Paragraph>{text.confirmQuestion(adding)}</Typography.Paragraph>
            </>
          ),
          okText: text.confirmOk,
          cancelText: t.common.cancel,
          onOk: () => create(true),
        });
      } else {
        message.error(`${t.common.requestFailed}：${messageOf(e)}`);
      }
    } finally {
      setBusy(false);
    }
  };

  // Signed-up students cannot be ticked, so `except` holds none of them.
  const selectable = Math.max(0, (result?.total ?? 0) - (result?.signedUp ?? 0));
  const count = selection.all
    ? Math.max(0, selectable - selection.except.length)
    : selection.ids.length;
  // Students ticked and not yet signed up: Esc, the X and 取消 ask before dropping the choice.
  const guard = useUnsavedGuard(count > 0);
  const close = () => {
    if (!busy) guard(onClose);
  };
  const submit = () => {
    if (count === 0) {
      message.warning(text.nothingSelected);
      return;
    }
    void create(false);
  };

  // The capacity as the core holds it: the whole sign-up is refused when it would exceed it.
  const left = placesLeft(batch);
  const short = placesShort(batch, count);
  const project = result?.project;
  // Rule 11 as the core refuses it: a new sign-up would take a fee over the cap in force.
  const overCap = batchFeeOverLimit(batch, batch.feeFen);
  /** The students on this page that can be ticked. */
  const onPage = (result?.items ?? []).filter((c) => !c.signedUp).map((c) => c.studentId);
  const columns: ColumnsType<Candidate> = [
    {
      title: t.exams.detail.columns.studentNo,
      dataIndex: 'studentNo',
      width: 130,
      render: noWrap,
    },
    { title: t.exams.detail.columns.name, dataIndex: 'name', width: 100 },
    {
      title: t.exams.detail.columns.major,
      dataIndex: 'majorName',
      render: (m: string) => m || '—',
    },
    { title: t.exams.detail.columns.className, dataIndex: 'className' },
    {
      title: text.entryYears,
      dataIndex: 'entryYear',
      width: 80,
      render: (y: number | null) => y ?? '—',
    },
    {
      title: '',
      key: 'flags',
      width: 200,
      render: (_, c) => (
        <>
          {c.signedUp && <Tag color="blue">{text.flags.signed}</Tag>}
          {c.withdrawn && <Tag>{text.flags.withdrawn}</Tag>}
          {c.majorOutside && <Tag color="orange">{text.flags.outside}</Tag>}
        </>
      ),
    },
  ];

  return (
    <Modal
      open
      title={`${text.title} · ${batchLabel(batch)}`}
      width={980}
      maskClosable={false}
      onCancel={close}
      footer={
        <Flex justify="space-between" align="center">
          <Typography.Text data-testid="signup-count" type={short > 0 ? 'danger' : undefined}>
            {text.selected(count)}
            {left !== null && text.placesLeft(left)}
            {short > 0 && text.overPlaces(short)}
          </Typography.Text>
          <Space>
            <Button onClick={close}>{t.common.cancel}</Button>
            <Button
              type="primary"
              loading={busy}
              disabled={overCap !== null}
              onClick={submit}
              data-testid="signup-submit"
            >
              {text.submit}
            </Button>
          </Space>
        </Flex>
      }
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      {overCap && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          message={t.exams.signupOverCap(overCap)}
          data-testid="signup-over-cap"
        />
      )}
      {result && (!project || !project.confirmed) && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={
            project
              ? text.projectNotConfirmed(projectStatusLabels[project.status as ProjectStatus])
              : text.noProject
          }
        />
      )}
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <MultiFilterSelect
          label={text.majors}
          minWidth={200}
          searchable
          value={filter.majors}
          onChange={(majors) => changeFilter({ majors })}
          options={(facets?.majors ?? []).map((m) => ({
            value: m.majorId ?? ('none' as const),
            label: `${m.name ?? text.noMajor}（${m.count}）`,
          }))}
        />
        <MultiFilterSelect
          label={text.classes}
          minWidth={180}
          searchable
          value={filter.classNames}
          onChange={(classNames) => changeFilter({ classNames })}
          options={(facets?.classes ?? [])
            .filter((c) => c.value !== '')
            .map((c) => ({ value: c.value, label: `${c.value}（${c.count}）` }))}
        />
        <MultiFilterSelect
          label={text.entryYears}
          minWidth={140}
          value={filter.entryYears}
          onChange={(entryYears) => changeFilter({ entryYears })}
          options={(facets?.entryYears ?? []).map((y) => ({
            value: y.value ?? ('none' as const),
            label: `${y.value ?? text.noYear}（${y.count}）`,
          }))}
        />
        <Select
          style={{ width: 140 }}
          aria-label={text.pilot}
          value={filter.pilot === null ? 'all' : filter.pilot ? 'yes' : 'no'}
          onChange={(v: string) => changeFilter({ pilot: v === 'all' ? null : v === 'yes' })}
          options={[
            { value: 'all', label: text.pilotAll },
            { value: 'yes', label: text.pilotYes },
            { value: 'no', label: text.pilotNo },
          ]}
        />
        <Input.Search
          allowClear
          style={{ width: 220 }}
          placeholder={text.search}
          aria-label={text.search}
          onSearch={(search) => changeFilter({ search })}
        />
      </Flex>
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary" data-testid="candidate-summary">
          {result && text.matching(result.total, result.signedUp, result.majorOutside)}
        </Typography.Text>
        <Button
          size="small"
          disabled={selectable === 0 && !selection.all}
          onClick={() => setSelection((sel) => (sel.all ? noSelection : { all: true, except: [] }))}
        >
          {selection.all ? text.selectAllActive : text.selectAll(selectable)}
        </Button>
      </Flex>
      <DataTable<Candidate>
        rowKey="studentId"
        size="small"
        columns={columns}
        dataSource={result?.items ?? []}
        loading={loading}
        rowSelection={{
          selectedRowKeys: onPage.filter((id) =>
            selection.all ? !selection.except.includes(id) : selection.ids.includes(id),
          ),
          // Only this page's boxes are on screen: apply what changed among them.
          onChange: (keys) => {
            const ticked = new Set(keys as number[]);
            const on = onPage.filter((id) => ticked.has(id));
            const off = onPage.filter((id) => !ticked.has(id));
            setSelection((sel) =>
              sel.all
                ? {
                    all: true,
                    except: [...sel.except.filter((id) => !onPage.includes(id)), ...off],
                  }
                : { all: false, ids: [...sel.ids.filter((id) => !onPage.includes(id)), ...on] },
            );
          },
          getCheckboxProps: (c) => ({ disabled: c.signedUp }),
        }}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: result?.total ?? 0,
        }}
        onChange={(p) =>
          setPaging({ page: p.current ?? 1, pageSize: p.pageSize ?? paging.pageSize })
        }
        emptyHint={text.emptyHint}
        data-testid="candidates-table"
      />
    </Modal>
  );
}
