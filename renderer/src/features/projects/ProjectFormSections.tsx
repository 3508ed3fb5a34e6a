import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { Button, Card, Checkbox, Form, Input, Row, Select, Space, Typography } from 'antd';
import { NumberBox } from '../../components/NumberBox';
import type { Project, ProjectDataInput } from '../../../../shared/contract/projects';
import { projectDataSchema } from '../../../../shared/contract/projects';
import { certificateLevelLabels, certificateLevels } from '../../../../shared/domain/certificate';
import {
  commitmentLabels,
  commitments,
  planSectionLabels,
  planSections,
} from '../../../../shared/domain/implementationPlan';
import { t } from '../../i18n';
import type { ReferenceData } from './projectsStore';
import { sectionId } from './sections';
import { Field, NumberInput } from '../../components/formFields';

/*
 * The project form's sections, one card each, in the order of the 申报表. They live inside the
 * editor's <Form>, so their fields are the form's.
 */

/** One part of the project form: a card titled with the part's name, that the outline scrolls to. */
function SectionCard({
  section,
  children,
}: {
  section: keyof typeof t.projects.sections;
  children: ReactNode;
}) {
  return (
    <Card
      title={t.projects.sections[section]}
      size="small"
      id={sectionId(section)}
      style={{ marginBottom: 16 }}
    >
      {children}
    </Card>
  );
}

const shape = projectDataSchema.shape;

type FormValues = Partial<ProjectDataInput> | undefined;

const options = <T extends { id: number }>(
  items: readonly T[] | undefined,
  label: (item: T) => string,
) => (items ?? []).map((item) => ({ value: item.id, label: label(item) }));

/** The certificate the form has chosen, with its levels and hardware requirements. */
const chosenCertificate = (refs: ReferenceData | null, values: FormValues) =>
  refs?.certificates.find((c) => c.id === values?.certificateId);

/** 基本信息: certificate, year, levels and the planned numbers of students. */
export function BasicSection({
  refs,
  project,
  values,
}: {
  refs: ReferenceData | null;
  project: Project | null;
  values: FormValues;
}) {
  const certificate = chosenCertificate(refs, values);
  return (
    <SectionCard section="basic">
      <Row gutter={16}>
        <Field
          span={16}
          name="certificateId"
          label={t.projects.fields.certificateId}
          required
          schema={shape.certificateId}
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
        </Field>
        <Field span={8} name="year" label={t.projects.fields.year} required schema={shape.year}>
          <NumberInput id="project-year" min={2019} max={2100} />
        </Field>
        <Field
          span={24}
          name="levels"
          label={t.projects.fields.levels}
          required
          schema={shape.levels}
        >
          {certificate ? (
            <Checkbox.Group
              options={certificate.levels.map((l) => ({
                value: l.level,
                label: certificateLevelLabels[l.level],
              }))}
            />
          ) : (
            <Typography.Text type="secondary">{t.projects.selectCertificateFirst}</Typography.Text>
          )}
        </Field>
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
                  <NumberBox placeholder={t.projects.planned.year} min={2019} max={2100} />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'count']}
                  rules={[{ required: true, message: t.projects.planned.count }]}
                >
                  <NumberBox placeholder={t.projects.planned.count} min={0} addonAfter="人" />
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
              onClick={() => add({ level: values?.levels?.[0], year: values?.year, count: 0 })}
            >
              {t.projects.planned.add}
            </Button>
          </div>
        )}
      </Form.List>
    </SectionCard>
  );
}

/** 课证融通: the courses this certificate's content is taught in (课程号, 课程名称). */
export function CoursesSection() {
  const text = t.projects.courses;
  return (
    <SectionCard section="courses">
      <Typography.Paragraph type="secondary">{text.hint}</Typography.Paragraph>
      <Form.List name="courses">
        {(fields, { add, remove }) => (
          <div>
            {fields.map((field, index) => (
              <Space key={field.key} align="baseline" wrap>
                <Field
                  name={[field.name, 'courseNo']}
                  schema={shape.courses.unwrap().element.shape.courseNo}
                >
                  <Input
                    id={`project-course-no-${index}`}
                    aria-label={text.courseNoOf(index + 1)}
                    placeholder={text.courseNo}
                    style={{ width: 160 }}
                  />
                </Field>
                <Field
                  name={[field.name, 'courseName']}
                  schema={shape.courses.unwrap().element.shape.courseName}
                >
                  <Input
                    id={`project-course-name-${index}`}
                    aria-label={text.courseNameOf(index + 1)}
                    placeholder={text.courseName}
                    style={{ width: 280 }}
                  />
                </Field>
                <Button
                  icon={<DeleteOutlined />}
                  aria-label={text.remove(index + 1)}
                  onClick={() => remove(field.name)}
                />
              </Space>
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({ courseNo: '', courseName: '' })}
            >
              {text.add}
            </Button>
          </div>
        )}
      </Form.List>
    </SectionCard>
  );
}

/** 专业与师资. */
export function StaffSection({ refs, values }: { refs: ReferenceData | null; values: FormValues }) {
  const teacherSet = new Set(values?.teacherIds ?? []);
  const chosenTeachers = (refs?.teachers ?? []).filter((x) => teacherSet.has(x.id));
  return (
    <SectionCard section="staff">
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
    </SectionCard>
  );
}

/** 实训条件: rooms, sites and the certificate's hardware checklist. */
export function FacilitiesSection({
  refs,
  values,
}: {
  refs: ReferenceData | null;
  values: FormValues;
}) {
  const certificate = chosenCertificate(refs, values);
  return (
    <SectionCard section="facilities">
      <Row gutter={16}>
        <Field span={12} name="roomIds" label={t.projects.fields.roomIds}>
          <Select
            id="project-roomIds"
            mode="multiple"
            optionFilterProp="label"
            placeholder={t.projects.placeholders.roomIds}
            options={options(refs?.rooms, (r) => `${r.name}（${r.areaM2} ㎡）`)}
          />
        </Field>
        <Field span={12} name="siteIds" label={t.projects.fields.siteIds}>
          <Select
            id="project-siteIds"
            mode="multiple"
            optionFilterProp="label"
            placeholder={t.projects.placeholders.siteIds}
            options={options(refs?.sites, (s) => s.name)}
          />
        </Field>
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
    </SectionCard>
  );
}

/** 实施方案: the seven parts. */
export function PlanSection() {
  return (
    <SectionCard section="plan">
      {planSections.map((s, index) => (
        <Form.Item key={s} name={['plan', s]} label={`${index + 1}. ${planSectionLabels[s]}`}>
          <Input.TextArea
            id={`project-plan-${s}`}
            autoSize={{ minRows: 2, maxRows: 12 }}
            maxLength={20000}
          />
        </Form.Item>
      ))}
    </SectionCard>
  );
}

/** 承诺事项. */
export function CommitmentsSection() {
  return (
    <SectionCard section="commitments">
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
    </SectionCard>
  );
}
