import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import type { ExamBatch, Signup, SignupPage } from '../../../../shared/contract/exams';
import { batchLabel } from '../../../../shared/domain/batchLabel';
import { invoke } from '../../api/client';
import { mutate } from '../../api/queryCache';
import { combined, useQuery } from '../../api/useQuery';
import { useNavigation } from '../../app/navigationStore';
import { ImportWizard } from '../../components/ImportWizard';
import { LoadState } from '../../components/LoadState';
import { PageHeader } from '../../components/PageHeader';
import { t } from '../../i18n';
import { PhotoPanel } from '../photos/PhotoPanel';
import { AttendancePanel } from './AttendancePanel';
import { BatchActions } from './BatchActions';
import { BatchFacts } from './BatchFacts';
import { ResultModal } from './ResultModal';
import { ResultTable } from './ResultTable';
import { SignupDialog } from './SignupDialog';
import { initialSignupQuery, type SignupQuery } from './signupQuery';
import { SignupsTable } from './SignupsTable';
import { SignupToolbar } from './SignupToolbar';
import { useBulkStatus } from './useBulkStatus';

/** One batch: its facts and its sign-ups, paged, sorted and filtered by the core. */
export function BatchDetail({ id }: { id: number }) {
  const go = useNavigation((s) => s.go);
  const [query, setQuery] = useState<SignupQuery>(initialSignupQuery);
  const bulk = useBulkStatus();
  const [signingUp, setSigningUp] = useState(false);
  const [editing, setEditing] = useState<Signup | null>(null);
  const [importing, setImporting] = useState(false);
  const [bulkResults, setBulkResults] = useState(false);
  const [attendance, setAttendance] = useState(false);
  const [photos, setPhotos] = useState(false);
  const text = t.exams.detail;

  const batchQuery = useQuery('exams.batches.get', { id });
  // The page on screen stays while the answer to a new query is on its way.
  const signups = useQuery('exams.signups.list', { batchId: id, ...query }, { keepPrevious: true });
  const batch: ExamBatch | null = batchQuery.data;
  const page: SignupPage | null = signups.data;
  const { state, error, retry } = combined(batchQuery, signups);
  const { changed } = bulk;

  return (
    <>
      <PageHeader
        title={batch ? batchLabel(batch) : t.exams.title}
        description={
          <Button
            type="link"
            icon={<ArrowLeftOutlined />}
            style={{ padding: 0 }}
            onClick={() => go('exams')}
          >
            {t.exams.back}
          </Button>
        }
        extra={
          <BatchActions
            id={id}
            batch={batch}
            attendance={attendance}
            bulkResults={bulkResults}
            onPhotos={() => setPhotos(true)}
            onAttendance={() => setAttendance(true)}
            onBulkResults={() => {
              // The ticks are the list's; the result table has none, so 改为… would act unseen.
              bulk.setSelected([]);
              setBulkResults(true);
            }}
            onImport={() => setImporting(true)}
            onSignUp={() => setSigningUp(true)}
          />
        }
      />
      <LoadState state={state} error={error} onRetry={retry}>
        {batch && page && (
          <>
            <BatchFacts batch={batch} />
            {/* 考勤登记 has its own list and selection: the sign-up list's tools would act on
                rows not on screen. */}
            {!attendance && (
              <SignupToolbar
                query={query}
                setQuery={setQuery}
                statusCounts={page.statusCounts}
                bulk={bulk}
              />
            )}
            {attendance ? (
              <AttendancePanel batchId={id} onClose={() => setAttendance(false)} />
            ) : bulkResults ? (
              <ResultTable batchId={id} items={page.items} onClose={() => setBulkResults(false)} />
            ) : (
              <SignupsTable
                page={page}
                query={query}
                setQuery={setQuery}
                fetching={signups.fetching}
                selected={bulk.selected}
                onSelect={bulk.setSelected}
                onEdit={setEditing}
                emptyHint={batch.signupCount ? text.noMatch : text.emptyHint}
              />
            )}
          </>
        )}
        {state === 'ready' && !batch && text.notFound}
      </LoadState>
      {signingUp && batch && (
        <SignupDialog batch={batch} onDone={changed} onClose={() => setSigningUp(false)} />
      )}
      {photos && batch && (
        <PhotoPanel
          batchId={id}
          batchTitle={batchLabel(batch)}
          organization={batch.organization}
          onClose={() => setPhotos(false)}
        />
      )}
      {editing && (
        <ResultModal signup={editing} onSaved={changed} onClose={() => setEditing(null)} />
      )}
      {batch && (
        <ImportWizard
          open={importing}
          title={text.importResultsTitle(batchLabel(batch))}
          hint={text.importResultsHint}
          words={text.importWords}
          preview={(request) => invoke('exams.results.importPreview', { ...request, batchId: id })}
          commit={(request) => mutate('exams.results.importCommit', { ...request, batchId: id })}
          problems={(request) =>
            invoke('exams.results.importProblems', { ...request, batchId: id })
          }
          template={() => invoke('exams.results.importTemplate', {})}
          onImported={changed}
          onClose={() => setImporting(false)}
        />
      )}
    </>
  );
}
