import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Checkbox,
  Drawer,
  Empty,
  Flex,
  Form,
  Input,
  Row,
  Typography,
} from 'antd';
import type { z } from 'zod';
import { useCallback, useEffect, useState } from 'react';
import {
  batchSchema,
  certificateNameSchema,
  limitsSchema,
  organizationCodeSchema,
  organizationSchema,
  requirementItemSchema,
  sourceSchema,
  type Certificate,
  type CertificateDataInput,
} from '../../../../shared/contract/catalogue';
import {
  certificateLevelCodes,
  certificateLevelLabels,
  certificateLevels,
  type CertificateLevel,
} from '../../../../shared/domain/certificate';
import { fenToYuan, yuanToFen } from '../../../../shared/domain/money';
import { messageOf, PilotError } from '../../api/client';
import { useSaveShortcut } from '../../components/useSaveShortcut';
import { useUnsavedGuard } from '../../components/useUnsavedGuard';
import { t } from '../../i18n';
import { useCatalogueStore } from './catalogueStore';
import { useOverCapConfirm } from './useOverCapConfirm';
import { LimitsEditor, type LimitFormValue } from './LimitsEditor';
import { SuggestInput } from '../../components/SuggestInput';
import { DrawerSaveButtons } from '../../components/DrawerSaveButtons';
import { focusFirstField } from '../../components/focusFirstField';
import { Field } from '../../components/formFields';
import { sayFixFields } from '../../components/formErrors';

interface LevelFormValue {
  offered: boolean;
}

export interface CertificateFormValues {
  name: string;
  organization: string;
  organizationCode: string;
  batch: string;
  source: string;
  levels: Record<CertificateLevel, LevelFormValue>;
  limits: LimitFormValue[];
  requirements: { id?: number; text: string }[];
}

const batchOptions = ['第一批', '第二批', '第三批', '第四批'].map((value) => ({ value }));
const text = t.catalogue.form;

/** A one-line text field of the certificate, with its label and placeholder. */
function TextField({
  name,
  id,
  ...field
}: {
  name: 'name' | 'organization' | 'organizationCode';
  id: string;
  span: number;
  required?: boolean;
  tooltip?: string;
  schema: z.ZodType;
}) {
  return (
    <Field name={name} label={text.fields[name]} {...field}>
      <Input id={id} placeholder={text.placeholders[name]} allowClear />
    </Field>
  );
}

function toFormValues(certificate: Certificate | null): CertificateFormValues {
  const levels = Object.fromEntries(
    certificateLevels.map((level) => {
      const entry = certificate?.levels.find((l) => l.level === level);
      return [level, { offered: certificate ? entry !== undefined : true }];
    }),
  ) as Record<CertificateLevel, LevelFormValue>;
  return {
    name: certificate?.name ?? '',
    organization: certificate?.organization ?? '',
    organizationCode: certificate?.organizationCode ?? '',
    batch: certificate?.batch ?? '',
    source: certificate?.source ?? '',
    levels,
    limits: (certificate?.limits ?? []).map(({ amountFen, ...limit }) => ({
      ...limit,
      amountYuan: fenToYuan(amountFen),
    })),
    requirements: certificate?.requirements.map((r) => ({ id: r.id, text: r.text })) ?? [],
  };
}

/**
 * The yuan input as fen; null when empty. Not rounded: an amount below 0 or with a third decimal
 * (500.005 → 50000.5 fen) goes to the contract as it is, which says what is wrong with it.
 */
const yuanInputToFen = (yuan: number | null | undefined): number | null =>
  yuan === null || yuan === undefined ? null : (yuanToFen(yuan) ?? yuan * 100);

/** The form values as the contract's input: offered levels, and caps and fees in fen. */
export function toInput(values: CertificateFormValues): CertificateDataInput {
  return {
    name: values.name,
    organization: values.organization,
    organizationCode: values.organizationCode ?? '',
    batch: values.batch ?? '',
    source: values.source ?? '',
    levels: certificateLevels
      .filter((level) => values.levels[level].offered)
      .map((level) => ({ level })),
    limits: (values.limits ?? []).map(({ id, amountYuan, ...limit }) => ({
      ...(id === undefined || id === null ? {} : { id }),
      ...limit,
      amountFen: yuanInputToFen(amountYuan) ?? 0,
    })),
    requirements: (values.requirements ?? []).map((r) =>
      r.id === undefined ? { text: r.text } : { id: r.id, text: r.text },
    ),
  };
}

/** The form field of a limit's field as the contract names it (amountFen is typed in yuan). */
const limitField = (index: number, field: string) =>
  ['limits', index, field === 'amountFen' ? 'amountYuan' : field] as [
    'limits',
    number,
    keyof LimitFormValue,
  ];

interface Props {
  open: boolean;
  /** null: a new certificate. */
  certificate: Certificate | null;
  onClose(): void;
}

/**
 * Add or edit one certificate: basics, levels, caps and approved fees (each with its document,
 * exam form and validity), checklist.
 */
export function CertificateDrawer({ open, certificate, onClose }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<CertificateFormValues>();
  const save = useCatalogueStore((s) => s.save);
  const confirmOverCap = useOverCapConfirm();
  const [dirty, setDirty] = useState(false);
  const guard = useUnsavedGuard(open && dirty);
  const cancel = () =>
    guard(() => {
      setDirty(false);
      onClose();
    });
  const levels = Form.useWatch('levels', form);
  const noLevelOffered =
    levels !== undefined && !certificateLevels.some((level) => levels[level]?.offered);

  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue(toFormValues(certificate));
    }
  }, [open, certificate, form]);

  const onSave = useCallback(async () => {
    if (!open) return;
    let values: CertificateFormValues;
    try {
      values = await form.validateFields();
    } catch {
      sayFixFields(message);
      return;
    }
    const input = toInput(values);
    if (input.levels.length === 0) {
      sayFixFields(message);
      return;
    }
    // Overlapping periods and dates out of order: the contract's own check, shown at the row.
    const limitsChecked = limitsSchema.safeParse(input.limits);
    if (!limitsChecked.success) {
      form.setFields(
        limitsChecked.error.issues.map((issue) => ({
          name: limitField(Number(issue.path[0]), String(issue.path[1] ?? 'level')),
          errors: [issue.message],
        })),
      );
      sayFixFields(message);
      return;
    }
    try {
      if (certificate && !(await confirmOverCap(certificate, limitsChecked.data))) return;
      const saved = await save(input, certificate?.id);
      message.success(
        certificate ? t.catalogue.savedMessage(saved.name) : t.catalogue.createdMessage(saved.name),
      );
      setDirty(false);
      onClose();
    } catch (error) {
      const fields = error instanceof PilotError ? error.shape.details?.fields : undefined;
      if (fields?.length) {
        form.setFields(
          fields.map((f) => {
            const [head, index, leaf] = f.path.split('.');
            if (head === 'limits' && index !== undefined) {
              return { name: limitField(Number(index), leaf ?? 'level'), errors: [f.message] };
            }
            if (head === 'requirements' && index !== undefined) {
              return { name: ['requirements', Number(index), 'text'], errors: [f.message] };
            }
            return { name: head as keyof CertificateFormValues, errors: [f.message] };
          }),
        );
      }
      message.error(`${t.common.requestFailed}：${messageOf(error)}`);
    }
  }, [certificate, confirmOverCap, form, message, onClose, open, save]);

  useSaveShortcut(onSave);

  return (
    <Drawer
      open={open}
      width={760}
      title={certificate ? text.editTitle(certificate.name) : text.createTitle}
      onClose={cancel}
      destroyOnHidden={false}
      forceRender
      afterOpenChange={focusFirstField('certificate')}
      extra={<DrawerSaveButtons onCancel={cancel} onSave={onSave} />}
    >
      <Form
        form={form}
        layout="vertical"
        requiredMark
        name="certificate"
        onValuesChange={() => setDirty(true)}
      >
        <Card title={text.sections.basic} size="small" style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <TextField
              span={24}
              name="name"
              id="certificate-name"
              required
              schema={certificateNameSchema}
            />
            <TextField
              span={16}
              name="organization"
              id="certificate-organization"
              required
              schema={organizationSchema}
            />
            <Field span={8} name="batch" label={text.fields.batch} schema={batchSchema}>
              <SuggestInput
                id="certificate-batch"
                options={batchOptions}
                placeholder={text.placeholders.batch}
                allowClear
              />
            </Field>
            <TextField
              span={12}
              name="organizationCode"
              id="certificate-organization-code"
              tooltip={text.organizationCodeHint}
              schema={organizationCodeSchema}
            />
            <Field span={24} name="source" label={text.fields.source} schema={sourceSchema}>
              <Input.TextArea
                id="certificate-source"
                autoSize={{ minRows: 1, maxRows: 4 }}
                placeholder={text.placeholders.source}
              />
            </Field>
          </Row>
        </Card>

        <Card title={text.sections.levels} size="small" style={{ marginBottom: 16 }}>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {text.levelsHint}
          </Typography.Paragraph>
          <Flex gap={24} wrap>
            {certificateLevels.map((level) => (
              <div key={level} data-testid={`level-${level}`}>
                <Form.Item name={['levels', level, 'offered']} valuePropName="checked" noStyle>
                  <Checkbox id={`certificate-level-${level}`}>
                    {text.fields.offered(
                      certificateLevelLabels[level],
                      certificateLevelCodes[level],
                    )}
                  </Checkbox>
                </Form.Item>
              </div>
            ))}
          </Flex>
          {noLevelOffered && (
            <Typography.Text type="danger" data-testid="levels-error">
              {text.atLeastOneLevel}
            </Typography.Text>
          )}
        </Card>

        <Card title={text.sections.limits} size="small" style={{ marginBottom: 16 }}>
          <LimitsEditor
            form={form}
            offered={certificateLevels.filter((level) => levels?.[level]?.offered)}
          />
        </Card>

        <Card title={text.sections.requirements} size="small">
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {text.requirementsHint}
          </Typography.Paragraph>
          <Form.List name="requirements">
            {(items, { add, remove, move }) => (
              <Flex vertical gap={0}>
                {items.length === 0 && (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text.noRequirements} />
                )}
                {items.map((item, index) => (
                  <Flex key={item.key} gap={8} align="flex-start">
                    <Form.Item name={[item.name, 'id']} hidden>
                      <Input />
                    </Form.Item>
                    <Field
                      name={[item.name, 'text']}
                      schema={requirementItemSchema.shape.text}
                      flex={1}
                    >
                      <Input
                        id={`certificate-requirement-${index}`}
                        addonBefore={text.fields.requirement(index + 1)}
                        placeholder={text.placeholders.requirement}
                      />
                    </Field>
                    <Button
                      icon={<ArrowUpOutlined />}
                      aria-label={text.moveUp}
                      title={text.moveUp}
                      disabled={index === 0}
                      onClick={() => move(index, index - 1)}
                    />
                    <Button
                      icon={<ArrowDownOutlined />}
                      aria-label={text.moveDown}
                      title={text.moveDown}
                      disabled={index === items.length - 1}
                      onClick={() => move(index, index + 1)}
                    />
                    <Button
                      icon={<DeleteOutlined />}
                      aria-label={text.remove}
                      title={text.remove}
                      danger
                      onClick={() => remove(item.name)}
                    />
                  </Flex>
                ))}
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add({ text: '' })}
                  block
                >
                  {text.addRequirement}
                </Button>
              </Flex>
            )}
          </Form.List>
        </Card>
      </Form>
    </Drawer>
  );
}
