import { ArrowLeftOutlined, DeleteOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Empty,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Project, ProjectDataInput } from '../../../../shared/contract/projects';
import { projectDataSchema } from '../../../../shared/contract/projects';
import { certificateLevelLabels, certificateLevels } from '../../../../shared/domain/certificate';
import {
  commitmentLabels,
  commitments,
  planSectionLabels,
  planSections,
} from '../../../../shared/domain/implementationPlan';
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
import { zodRule } from '../../components/zodRule';
import { t } from '../../i18n';
import { useNavigation } from '../../app/navigationStore';
import { AttachmentsPanel } from '../attachments/AttachmentsPanel';
import { factsFromForm } from './formFacts';
import { openProject, useProjectRefs } from './projectsStore';
import { scrollToSection, sectionId, sectionOfField } from './sections';
import { StatusPanel } from './StatusPanel';
import { SubmittedVersion } from './SubmittedVersion';

const shape = projectDataSchema.shape;

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

  const certificate = refs?.certificates.find((c) => c.id === values?.certificateId);
  const talentPlans = [...(projectFiles.data ?? []), ...(schoolFiles.data ?? [])].filter(
    (a) => a.kind === 'talent_training_plan',
  ).length;
  const verdicts = useMemo(
    () =>
      refs && values ? selfCheckProject(factsFromForm(values, refs, school, talentPlans)) : [],
    [refs, values, school, talentPlans],
  );
  const selected = (ids: readonly number[] | undefined) => new Set(ids ?? []);
  const teacherSet = selected(values?.teacherIds);
  const chosenTeachers = (refs?.teachers ?? []).filter((x) => teacherSet.has(x.id));

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

  const options = <T extends { id: number }>(
    items: readonly T[] | undefined,
    label: (item: T) => string,
  ) => (items ?? []).map((item) => ({ value: item.id, label: label(item) }));

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
              <Card
                title={t.projects.sections.basic}
                size="small"
                id={sectionId('basic')}
                style={{ marginBottom: 16 }}
              >
                <Row gutter={16}>
                  <Col span={16}>
                    <Form.Item
                      name="certificateId"
                      label={t.projects.fields.certificateId}
                      required
                      rules={[zodRule(shape.certificateId)]}
                    >
                      <Select
                        id="project-certificateId"
                        showSearch
                        optionFilterProp="label"
                        placeholder={t.projects.placeholders.certificateId}
                        options={(refs?.certificates ?? [])
                          .filter((c) => !c.archived || c.id === project?.certificateId)
                          .map((c) => ({ value: c.id, label: `${c.name}（${c.organization}）` }))}
                      />
                    </Form.Item>
                  </Col>
                  <Col span={8}>
                    <Form.Item
                      name="year"
                      label={t.projects.fields.year}
                      required
                      rules={[zodRule(shape.year)]}
                    >
                      <InputNumber
                        id="project-year"
                        min={2019}
                        max={2100}
                        style={{ width: '100%' }}
                      />
                    </Form.Item>
                  </Col>
                  <Col span={24}>
                    <Form.Item
                      name="levels"
                      label={t.projects.fields.levels}
                      required
                      rules={[zodRule(shape.levels)]}
                    >
                      {certificate ? (
                        <Checkbox.Group
                          options={certificate.levels.map((l) => ({
                            value: l.level,
                            label: certificateLevelLabels[l.level],
                          }))}
                        />
                      ) : (
                        <Typography.Text type="secondary">
                          {t.projects.selectCertificateFirst}
                        </Typography.Text>
                      )}
                    </Form.Item>
                  </Col>
                </Row>
                <Typography.Text strong>{t.projects.fields.plannedStudents}</Typography.Text>
                <Form.List name="plannedStudents">
                  {(fields, { add, remove }) => (
                    <div style={{ marginTop: 8 }}>
                      {fields.map((field) => (
                        <Space key={field.key} align="baseline" wrap>
                          <Form.Item
                            name={[field.name, 'level']}
                            rules={[{ required: true, message: t.projects.planned.level }]}
                          >
                            <Select
                              style={{ width: 110 }}
                              placeholder={t.projects.planned.level}
                              options={certificateLevels
                                .filter((l) => values?.levels?.includes(l))
                                .map((l) => ({ value: l, label: certificateLevelLabels[l] }))}
                            />
                          </Form.Item>
                          <Form.Item
                            name={[field.name, 'year']}
                            rules={[{ required: true, message: t.projects.planned.year }]}
                          >
                            <InputNumber
                              placeholder={t.projects.planned.year}
                              min={2019}
                              max={2100}
                            />
                          </Form.Item>
                          <Form.Item
                            name={[field.name, 'count']}
                            rules={[{ required: true, message: t.projects.planned.count }]}
                          >
                            <InputNumber
                              placeholder={t.projects.planned.count}
                              min={0}
                              addonAfter="人"
                            />
                          </Form.Item>
                          <Button
                            icon={<DeleteOutlined />}
                            aria-label={t.projects.planned.remove}
                            onClick={() => remove(field.name)}
                          />
                        </Space>
                      ))}
                      <Button
                        type="dashed"
                        icon={<PlusOutlined />}
                        onClick={() =>
                          add({ level: values?.levels?.[0], year: values?.year, count: 0 })
                        }
                      >
                        {t.projects.planned.add}
                      </Button>
                    </div>
                  )}
                </Form.List>
              </Card>

              <Card
                title={t.projects.sections.staff}
                size="small"
                id={sectionId('staff')}
                style={{ marginBottom: 16 }}
              >
                <Form.Item name="majorIds" label={t.projects.fields.majorIds}>
                  <Select
                    id="project-majorIds"
                    mode="multiple"
                    optionFilterProp="label"
                    placeholder={t.projects.placeholders.majorIds}
                    options={options(refs?.majors, (m) => `${m.name}（${m.code}）`)}
                  />
                </Form.Item>
                <Form.Item
                  name="teacherIds"
                  label={t.projects.fields.teacherIds}
                  extra={t.projects.teacherStats(
                    chosenTeachers.length,
                    chosenTeachers.filter((x) => x.dualQualified).length,
                    chosenTeachers.filter((x) => x.fullTime && x.canTeachIndependently).length,
                  )}
                >
                  <Select
                    id="project-teacherIds"
                    mode="multiple"
                    optionFilterProp="label"
                    maxTagCount="responsive"
                    placeholder={t.projects.placeholders.teacherIds}
                    options={options(refs?.teachers, (x) => `${x.name}（${x.staffNo}）`)}
                  />
                </Form.Item>
              </Card>

              <Card
                title={t.projects.sections.facilities}
                size="small"
                id={sectionId('facilities')}
                style={{ marginBottom: 16 }}
              >
                <Row gutter={16}>
                  <Col span={12}>
                    <Form.Item name="roomIds" label={t.projects.fields.roomIds}>
                      <Select
                        id="project-roomIds"
                        mode="multiple"
                        optionFilterProp="label"
                        placeholder={t.projects.placeholders.roomIds}
                        options={options(refs?.rooms, (r) => `${r.name}（${r.areaM2} ㎡）`)}
                      />
                    </Form.Item>
                  </Col>
                  <Col span={12}>
                    <Form.Item name="siteIds" label={t.projects.fields.siteIds}>
                      <Select
                        id="project-siteIds"
                        mode="multiple"
                        optionFilterProp="label"
                        placeholder={t.projects.placeholders.siteIds}
                        options={options(refs?.sites, (s) => s.name)}
                      />
                    </Form.Item>
                  </Col>
                </Row>
                <Form.Item name="hardwareChecks" label={t.projects.fields.hardwareChecks}>
                  {certificate && certificate.requirements.length > 0 ? (
                    <Checkbox.Group
                      style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
                      options={certificate.requirements.map((r) => ({
                        value: r.id,
                        label: r.text,
                      }))}
                    />
                  ) : (
                    <Typography.Text type="secondary">
                      {certificate ? t.projects.noRequirements : t.projects.selectCertificateFirst}
                    </Typography.Text>
                  )}
                </Form.Item>
              </Card>

              <Card
                title={t.projects.sections.plan}
                size="small"
                id={sectionId('plan')}
                style={{ marginBottom: 16 }}
              >
                {planSections.map((s, index) => (
                  <Form.Item
                    key={s}
                    name={['plan', s]}
                    label={`${index + 1}. ${planSectionLabels[s]}`}
                  >
                    <Input.TextArea
                      id={`project-plan-${s}`}
                      autoSize={{ minRows: 2, maxRows: 12 }}
                      maxLength={20000}
                    />
                  </Form.Item>
                ))}
              </Card>

              <Card
                title={t.projects.sections.commitments}
                size="small"
                id={sectionId('commitments')}
                style={{ marginBottom: 16 }}
              >
                {commitments.map((c) => (
                  <Form.Item
                    key={c}
                    name={['commitments', c]}
                    valuePropName="checked"
                    style={{ marginBottom: 8 }}
                  >
                    <Checkbox id={`project-commitment-${c}`}>{commitmentLabels[c]}</Checkbox>
                  </Form.Item>
                ))}
              </Card>
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
