import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Segmented, Typography } from 'antd';
import { memo, useCallback, useState } from 'react';
import type { ImportGroupValue } from '../../../../shared/contract/imports';
import type { Student } from '../../../../shared/contract/students';
import { messageOf } from '../../api/client';
import { mutate } from '../../api/queryCache';
import { useQuery } from '../../api/useQuery';
import { UNMATCHED_MAJOR_GROUP } from '../../../../shared/domain/students';
import { MajorsFromNamesModal } from '../majors/MajorsFromNamesModal';
import { usualLevel } from '../majors/usualLevel';
import { RecordListPage } from '../../components/RecordListPage';
import { useEditDialog } from '../../components/useEditDialog';
import { SearchAsYouType } from '../../components/SearchAsYouType';
import { t } from '../../i18n';

import { StudentFormModal } from './StudentFormModal';
import { StudentsTable } from './StudentsTable';
import { formatCount } from '../../components/format';
import {
  defaultQuery,
  useStudentFacets,
  useStudentList,
  useStudentsStore,
  type StudentQuery,
} from './studentsStore';
import { ImportButton } from '../../components/ImportButton';

const text = t.students;
type Pilot = 'all' | 'pilot' | 'other';
const pilotValue = (pilot: boolean | null): Pilot =>
  pilot === null ? 'all' : pilot ? 'pilot' : 'other';

const isFiltered = (q: StudentQuery) =>
  q.search !== '' ||
  q.majors.length > 0 ||
  q.classNames.length > 0 ||
  q.entryYears.length > 0 ||
  q.genders.length > 0 ||
  q.pilot !== null ||
  q.idWarningsOnly;

/** The search box: sent to the core as the user types. */
const SearchBox = memo(function SearchBox() {
  const setQuery = useStudentsStore((s) => s.setQuery);
  return (
    <SearchAsYouType
      id="students-search"
      placeholder={text.searchPlaceholder}
      initial={useStudentsStore.getState().query.search}
      onSearch={(search) => void setQuery({ search })}
    />
  );
});

const PilotSwitch = memo(function PilotSwitch() {
  const pilot = useStudentsStore((s) => s.query.pilot);
  const setQuery = useStudentsStore((s) => s.setQuery);
  return (
    <Segmented<Pilot>
      value={pilotValue(pilot)}
      onChange={(value) => void setQuery({ pilot: value === 'all' ? null : value === 'pilot' })}
      options={[
        { value: 'all', label: text.pilotFilter.all },
        { value: 'pilot', label: text.pilotFilter.pilot },
        { value: 'other', label: text.pilotFilter.other },
      ]}
      data-testid="students-pilot-filter"
    />
  );
});

const ClearFilters = memo(function ClearFilters({ onClear }: { onClear: () => void }) {
  const filtered = useStudentsStore((s) => isFiltered(s.query));
  if (!filtered) return null;
  return (
    <Button type="link" onClick={onClear}>
      {text.clearFilters}
    </Button>
  );
});

/** The counts of the query on screen (all matching students, not only this page). */
const Summary = memo(function Summary() {
  const stats = useStudentList().data?.stats;
  if (!stats) return null;
  return (
    <Typography.Text type="secondary" data-testid="students-summary">
      {text.summary(
        formatCount(stats.total),
        formatCount(stats.pilot),
        formatCount(stats.male),
        formatCount(stats.female),
      )}
    </Typography.Text>
  );
});

/**
 * The search box, the 试点学生 switch, 清除筛选 and the counts. Each part follows only its own
 * slice of the store, so a new page of results re-renders the counts and nothing else here.
 */
const Toolbar = memo(function Toolbar() {
  // 清除筛选 also empties the search box: remounting it starts it from the cleared store.
  const [searchKey, setSearchKey] = useState(0);
  const clear = useCallback(() => {
    const { query, setQuery } = useStudentsStore.getState();
    setSearchKey((k) => k + 1);
    void setQuery({
      ...defaultQuery,
      sortBy: query.sortBy,
      sortOrder: query.sortOrder,
      pageSize: query.pageSize,
    });
  }, []);
  return (
    <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
      <SearchBox key={searchKey} />
      <PilotSwitch />
      <ClearFilters onClear={clear} />
      <Summary />
    </Flex>
  );
});

/** Majors the roster names but the school has not entered; 15-digit ID numbers. */
const Alerts = memo(function Alerts() {
  const { message } = App.useApp();
  const facets = useStudentFacets();
  const idWarningsOnly = useStudentsStore((s) => s.query.idWarningsOnly);
  const [matching, setMatching] = useState(false);
  if (!facets || (facets.unlinkedMajor === 0 && facets.idWarnings === 0)) return null;
  const unmatched = facets.unmatchedMajors;

  const matchMajors = async () => {
    setMatching(true);
    try {
      const r = await mutate('students.matchMajors', {});
      message.success(text.matched(r.linked, r.unmatched));
    } catch (error) {
      message.error(`${t.common.requestFailed}：${messageOf(error)}`);
    } finally {
      setMatching(false);
    }
  };

  return (
    <Flex vertical gap={8} style={{ marginBottom: 12 }}>
      {facets.unlinkedMajor > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="students-unmatched"
          message={text.unmatched(
            formatCount(facets.unlinkedMajor),
            text.list(
              unmatched.slice(0, 5).map((u) => text.withCount(u.text, formatCount(u.count))),
              unmatched.length > 5,
            ),
          )}
          action={
            <Button size="small" loading={matching} onClick={() => void matchMajors()}>
              {text.matchMajors}
            </Button>
          }
        />
      )}
      {facets.idWarnings > 0 && (
        <Alert
          type="warning"
          showIcon
          message={text.idWarnings(formatCount(facets.idWarnings))}
          action={
            <Button
              size="small"
              type={idWarningsOnly ? 'primary' : 'default'}
              onClick={() =>
                void useStudentsStore.getState().setQuery({ idWarningsOnly: !idWarningsOnly })
              }
            >
              {text.showIdWarnings}
            </Button>
          }
        />
      )}
    </Flex>
  );
});

/** 学生: the roster at any size, searched, filtered, sorted and paged by the core. */
export function StudentsPage() {
  const { message } = App.useApp();
  const list = useStudentList();
  const saving = useStudentsStore((s) => s.saving);
  const facets = useStudentFacets();
  const majors = useQuery('majors.list', {}).data ?? [];
  const { edit, dialog } = useEditDialog<Student>((student, close) => (
    <StudentFormModal
      student={student}
      majors={majors}
      classes={(facets?.classes ?? []).map((k) => k.value).filter((k) => k !== '')}
      saving={saving}
      onSave={(input) => useStudentsStore.getState().save(input)}
      onClose={close}
    />
  ));
  // 按名称新建这些专业 from the import preview: the names, and the preview to run again after.
  const [fromNames, setFromNames] = useState<{
    names: ImportGroupValue[];
    recheck: () => void;
  } | null>(null);

  return (
    <>
      <RecordListPage
        text={text}
        actions={
          <ImportButton
            list="students"
            text={text}
            groupAction={(group, recheck) =>
              group.title === UNMATCHED_MAJOR_GROUP && (
                <Button
                  size="small"
                  icon={<PlusOutlined />}
                  data-testid="import-majors-from-names"
                  onClick={() => setFromNames({ names: group.values ?? [], recheck })}
                >
                  {t.majors.fromNames.button}
                </Button>
              )
            }
            onImported={(r) => {
              message.success(text.imported(r));
            }}
          />
        }
        onAdd={() => edit('new')}
        load={list}
      >
        <Alerts />
        <Toolbar />
        <StudentsTable onEdit={edit} />
      </RecordListPage>
      {dialog}
      {fromNames && (
        <MajorsFromNamesModal
          names={fromNames.names}
          level={usualLevel(majors)}
          onSaved={fromNames.recheck}
          onClose={() => setFromNames(null)}
        />
      )}
    </>
  );
}
