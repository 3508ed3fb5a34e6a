import { ArrowLeftOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Empty, Form, Row, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Project, ProjectDataInput } from '../../../../shared/contract/projects';
import { isOnRecord } from '../../../../shared/domain/projectRevisions';
import type { ProjectStatus } from '../../../../shared/domain/projectStatus';
import { selfCheckProject } from '../../../../shared/domain/selfCheck';
import { mutate } from '../../api/queryCache';
import { useQuery } from '../../api/useQuery';
import { reportSaveError, validatedValues } from '../../components/formErrors';
import { LoadState } from '../../components/LoadState';
import { PageHeader } from '../../components/PageHeader';
import { useUnsavedGuard } from '../../components/useUnsavedGuard';
import { useSaveShortcut } from '../../components/useSaveShortcut';
import { VerdictList } from '../../components/VerdictList';
import { t } from '../../i18n';
import { useNavigation } from '../../app/navigationStore';
import { AttachmentsPanel } from '../attachments/AttachmentsPanel';
import { factsFromForm } from './formFacts';
import { openProject, useProjectRefs } from './projectsStore';
import { scrollToSection, sectionId, sectionOfField } from './sections';
import {
  BasicSection,
  CommitmentsSection,
  CoursesSection,
  FacilitiesSection,
  PlanSection,
  StaffSection,
} from './ProjectFormSections';
import { StatusPanel } from './StatusPanel';
import { SubmittedVersion } from './SubmittedVersion';

function toFormValues(project: Project | null): ProjectDataInput {
  if (!project) {
    return {
      certificateId: undefined as unknown as number,
      year: dayjs().year(),
      levels: [],
      majorIds: [],
      teacherIds: [],
      roomIds: [],
      siteIds: [],
      plannedStudents: [],
      hardwareChecks: [],
      courses: [],
      plan: {},
      commitments: {},
    };
  }
  const { certificateId, year, levels, majorIds, teacherIds, roomIds, siteIds } = project;
  return {
    certificateId,
    year,
    levels,
    majorIds,
    teacherIds,
    roomIds,
    siteIds,
    plannedStudents: project.plannedStudents,
    hardwareChecks: project.hardwareChecks,
    courses: project.courses,
    plan: project.plan,
    commitments: project.commitments,
  };
}

export function ProjectEditor({ id, focus }: { id: number | 'new'; focus?: string }) {
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<ProjectDataInput>();
  const { refs, state: refsState, error: refsError, retry: retryRefs } = useProjectRefs();
  const school = useQuery('school.get', {}).data ?? null;
  const go = useNavigation((s) => s.go);
  const loaded = useQuery('projects.get', id === 'new' ? null : { id });
  const project: Project | null = loaded.data;
  const [saving, setSaving] = useState(false);
  const [dirty, setDirty] = useState(false);
  const values = Form.useWatch([], form) as Partial<ProjectDataInput> | undefined;

  const projectId = id === 'new' ? null : id;
  const projectFiles = useQuery(
    'attachments.list',
    projectId === null ? null : { ownerType: 'project', ownerId: projectId },
  );
  const schoolFiles = useQuery('attachments.list', { ownerType: 'school', ownerId: 1 });

  // The form follows the stored project (a status change, a save) until the person edits it.
  const editing = useRef(false);
  useEffect(() => {
    editing.current = dirty;
  }, [dirty]);
  useEffect(() => {
    if (project && !editing.current) form.setFieldsValue(toFormValues(project));
  }, [project, form]);

  useEffect(() => {
    if (!focus || !refs || (id !== 'new' && !project)) return;
    if (focus === 'school') go('school');
    else if (sectionOfField[focus]) setTimeout(() => scrollToSection(sectionOfField[focus]), 100);
  }, [focus, refs, project, id, go]);

  const talentPlans = [...(projectFiles.data ?? []), ...(schoolFiles.data ?? [])].filter(
    (a) => a.kind === 'talent_training_plan',
  ).length;
  const verdicts = useMemo(
    () =>
      refs && values ? selfCheckProject(factsFromForm(values, refs, school, talentPlans)) : [],
    [refs, values, school, talentPlans],
  );

  /** Resolves true on 继续修改, false on 取消 (or Esc). */
  const confirmRevision = useCallback(
    (status: ProjectStatus) =>
      new Promise<boolean>((resolve) => {
        modal.confirm({
          title: t.projects.revisions.confirmTitle,
          content: t.projects.revisions.confirmContent(
            status === 'confirmed'
              ? t.projects.revisions.onRecord.confirmed
              : t.projects.revisions.onRecord.submitted,
          ),
          okText: t.projects.revisions.confirmOk,
          cancelText: t.common.cancel,
          onOk: () => resolve(true),
          onCancel: () => resolve(false),
        });
      }),
    [modal],
  );

  const onSave = useCallback(async () => {
    const data = await validatedValues(form, message);
    if (!data) return;
    // The province holds the submitted version: say so before the edit becomes a revision.
    const onRecord = project !== null && isOnRecord(project.status);
    if (onRecord && dirty && !(await confirmRevision(project.status))) return;
    const revisionsBefore = project?.submission?.revisions.length ?? 0;
    setSaving(true);
    try {
      const saved = projectId
        ? await mutate('projects.update', { id: projectId, data })
        : await mutate('projects.create', data);
      form.setFieldsValue(toFormValues(saved));
      setDirty(false);
      const revisions = onRecord ? (saved.submission?.revisions.length ?? 0) : 0;
      message.success(
        revisions > revisionsBefore
          ? t.projects.revisions.saved(revisions)
          : projectId
            ? t.projects.saved
            : t.projects.created,
      );
      if (!projectId) openProject(saved.id, undefined, { force: true });
    } catch (error) {
      reportSaveError(form, message, error);
    } finally {
      setSaving(false);
    }
  }, [form, message, projectId, project, dirty, confirmRevision]);
  useSaveShortcut(onSave);
  useUnsavedGuard(dirty);

  const onVerdictClick = (field: string) => {
    if (field === 'school') go('school');
    else if (sectionOfField[field]) scrollToSection(sectionOfField[field]);
  };

  const readOnly = project?.status === 'revoked';
  const title = project
    ? t.projects.editTitle(project.certificateName, project.year)
    : t.projects.newTitle;
  const state =
    loaded.state === 'error' || refsState === 'error'
      ? 'error'
      : refs && (id === 'new' || project)
        ? 'ready'
        : 'loading';

  return (
    <>
      <PageHeader
        title={title}
        description={
          dirty ? <Typography.Text type="warning">{t.projects.unsaved}</Typography.Text> : undefined
        }
        extra={
          <>
            <Button icon={<ArrowLeftOutlined />} onClick={() => openProject(null)}>
              {t.projects.back}
            </Button>
            <Button
              type="primary"
              icon={<SaveOutlined />}
              loading={saving}
              disabled={readOnly}
              onClick={() => void onSave()}
              title={t.common.saveShortcut}
            >
              {t.common.save}
            </Button>
          </>
        }
      />
      <LoadState
        state={state}
        error={loaded.error ?? refsError}
        onRetry={() => {
          loaded.retry();
          retryRefs();
        }}
      >
        <Row gutter={16}>
          <Col xs={24} xl={16}>
            <Form
              form={form}
              layout="vertical"
              name="project"
              initialValues={toFormValues(null)}
              disabled={readOnly}
              onValuesChange={(changed: Partial<ProjectDataInput>) => {
                setDirty(true);
                if ('certificateId' in changed)
                  form.setFieldsValue({ levels: [], hardwareChecks: [] });
              }}
            >
              <BasicSection refs={refs} project={project} values={values} />
              <StaffSection refs={refs} values={values} />
              <CoursesSection />
              <FacilitiesSection refs={refs} values={values} />
              <PlanSection />
              <CommitmentsSection />
            </Form>

            <div id={sectionId('attachments')}>
              {projectId ? (
                <AttachmentsPanel
                  ownerType="project"
                  ownerId={projectId}
                  kinds={[
                    'talent_training_plan',
                    'stamped_application',
                    'cooperation_agreement',
                    'other',
                  ]}
                  title={t.projects.sections.attachments}
                  description={t.projects.attachmentsDescription}
                />
              ) : (
                <Card title={t.projects.sections.attachments} size="small">
                  <Empty description={t.projects.saveFirst} />
                </Card>
              )}
            </div>
          </Col>
          <Col xs={24} xl={8}>
            <div
              style={{
                position: 'sticky',
                top: 16,
                display: 'flex',
                flexDirection: 'column',
                gap: 16,
              }}
            >
              <Card title={t.selfCheck.liveTitle} size="small" data-testid="live-selfcheck">
                {verdicts.length > 0 ? (
                  <VerdictList verdicts={verdicts} onFieldClick={onVerdictClick} />
                ) : (
                  <Alert type="info" message={t.projects.selectCertificateFirst} />
                )}
              </Card>
              {project && <StatusPanel project={project} dirty={dirty} />}
              {project?.submission && <SubmittedVersion submission={project.submission} />}
            </div>
          </Col>
        </Row>
      </LoadState>
    </>
  );
}
