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
  Col,
  Drawer,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  AutoComplete,
  Row,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import {
  batchSchema,
  capDocumentSchema,
  capPairMessage,
  certificateNameSchema,
  costCapFenSchema,
  organizationSchema,
  requirementItemSchema,
  sourceSchema,
  type Certificate,
  type CertificateDataInput,
} from '../../../../shared/contract/catalogue';
import {
  capPairProblem,
  certificateLevelCodes,
  certificateLevelLabels,
  certificateLevels,
  type CertificateLevel,
} from '../../../../shared/domain/certificate';
import { fenToYuan } from '../../../../shared/domain/money';
import { PilotError } from '../../api/client';
import { formatFen } from '../../components/format';
import { useSaveShortcut } from '../../components/useSaveShortcut';
import { useUnsavedGuard } from '../../components/useUnsavedGuard';
import { zodRule } from '../../components/zodRule';
import { t } from '../../i18n';
import { useCatalogueStore } from './catalogueStore';

interface LevelFormValue {
  offered: boolean;
  capYuan: number | null;
  capDocument: string;
}

export interface CertificateFormValues {
  name: string;
  organization: string;
  batch: string;
  source: string;
  levels: Record<CertificateLevel, LevelFormValue>;
  requirements: { id?: number; text: string }[];
}

const batchOptions = ['第一批', '第二批', '第三批', '第四批'].map((value) => ({ value }));
const text = t.catalogue.form;

function toFormValues(certificate: Certificate | null): CertificateFormValues {
  const levels = Object.fromEntries(
    certificateLevels.map((level) => {
      const entry = certificate?.levels.find((l) => l.level === level);
      return [
        level,
        {
          offered: certificate ? entry !== undefined : true,
          capYuan: entry?.costCapFen == null ? null : fenToYuan(entry.costCapFen),
          capDocument: entry?.capDocument ?? '',
        },
      ];
    }),
  ) as Record<CertificateLevel, LevelFormValue>;
  return {
    name: certificate?.name ?? '',
    organization: certificate?.organization ?? '',
    batch: certificate?.batch ?? '',
    source: certificate?.source ?? '',
    levels,
    requirements: certificate?.requirements.map((r) => ({ id: r.id, text: r.text })) ?? [],
  };
}

/** The yuan input (2 decimals) as fen; null when empty. */
const yuanInputToFen = (yuan: number | null | undefined): number | null =>
  yuan === null || yuan === undefined ? null : Math.round(yuan * 100);

/** The form values as the contract's input: offered levels with caps in fen. */
export function toInput(values: CertificateFormValues): CertificateDataInput {
  return {
    name: values.name,
    organization: values.organization,
    batch: values.batch ?? '',
    source: values.source ?? '',
    levels: certificateLevels
      .filter((level) => values.levels[level].offered)
      .map((level) => ({
        level,
        costCapFen: yuanInputToFen(values.levels[level].capYuan),
        capDocument: values.levels[level].capDocument?.trim() || null,
      })),
    requirements: (values.requirements ?? []).map((r) =>
      r.id === undefined ? { text: r.text } : { id: r.id, text: r.text },
    ),
  };
}

interface Props {
  open: boolean;
  /** null: a new certificate. */
  certificate: Certificate | null;
  onClose(): void;
}

/** Add or edit one certificate: basics, levels with caps and their document numbers, checklist. */
export function CertificateDrawer({ open, certificate, onClose }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<CertificateFormValues>();
  const save = useCatalogueStore((s) => s.save);
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
      message.error(t.common.fixFields);
      return;
    }
    const input = toInput(values);
    if (input.levels.length === 0) {
      message.error(t.common.fixFields);
      return;
    }
    try {
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
            if (head === 'levels' && index !== undefined) {
              const level = input.levels[Number(index)]?.level;
              const name = leaf === 'costCapFen' ? 'capYuan' : 'capDocument';
              return { name: ['levels', level, name], errors: [f.message] };
            }
            if (head === 'requirements' && index !== undefined) {
              return { name: ['requirements', Number(index), 'text'], errors: [f.message] };
            }
            return { name: head as keyof CertificateFormValues, errors: [f.message] };
          }),
        );
      }
      message.error(`${t.common.requestFailed}：${(error as Error).message}`);
    }
  }, [certificate, form, message, onClose, open, save]);

  useSaveShortcut(onSave);

  return (
    <Drawer
      open={open}
      width={760}
      title={certificate ? text.editTitle(certificate.name) : text.createTitle}
      onClose={cancel}
      destroyOnHidden={false}
      forceRender
      extra={
        <Space>
          <Button onClick={cancel}>{t.common.cancel}</Button>
          <Button type="primary" onClick={() => void onSave()} title={t.common.saveShortcut}>
            {t.common.save}
          </Button>
        </Space>
      }
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
            <Col span={24}>
              <Form.Item
                name="name"
                label={text.fields.name}
                required
                rules={[zodRule(certificateNameSchema)]}
              >
                <Input id="certificate-name" placeholder={text.placeholders.name} allowClear />
              </Form.Item>
            </Col>
            <Col span={16}>
              <Form.Item
                name="organization"
                label={text.fields.organization}
                required
                rules={[zodRule(organizationSchema)]}
              >
                <Input
                  id="certificate-organization"
                  placeholder={text.placeholders.organization}
                  allowClear
                />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="batch" label={text.fields.batch} rules={[zodRule(batchSchema)]}>
                <AutoComplete
                  id="certificate-batch"
                  options={batchOptions}
                  placeholder={text.placeholders.batch}
                  allowClear
                />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="source" label={text.fields.source} rules={[zodRule(sourceSchema)]}>
                <Input.TextArea
                  id="certificate-source"
                  autoSize={{ minRows: 1, maxRows: 4 }}
                  placeholder={text.placeholders.source}
                />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Card title={text.sections.levels} size="small" style={{ marginBottom: 16 }}>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {text.levelsHint}
          </Typography.Paragraph>
          <Row gutter={12} style={{ marginBottom: 8 }}>
            <Col span={6}>
              <Typography.Text strong>{text.fields.level}</Typography.Text>
            </Col>
            <Col span={7}>
              <Typography.Text strong>{text.fields.capYuan}</Typography.Text>
            </Col>
            <Col span={11}>
              <Typography.Text strong>{text.fields.capDocument}</Typography.Text>
            </Col>
          </Row>
          {certificateLevels.map((level) => {
            const offered = levels?.[level]?.offered ?? false;
            const capYuan = levels?.[level]?.capYuan;
            const capDocument = levels?.[level]?.capDocument;
            return (
              <Row gutter={12} key={level} align="top" data-testid={`level-${level}`}>
                <Col span={6} style={{ paddingTop: 5 }}>
                  <Form.Item name={['levels', level, 'offered']} valuePropName="checked" noStyle>
                    <Checkbox id={`certificate-level-${level}`}>
                      {text.fields.offered(
                        certificateLevelLabels[level],
                        certificateLevelCodes[level],
                      )}
                    </Checkbox>
                  </Form.Item>
                </Col>
                <Col span={7}>
                  <Form.Item
                    name={['levels', level, 'capYuan']}
                    dependencies={[['levels', level, 'capDocument']]}
                    rules={[
                      {
                        validator: async (_rule, value: number | null) => {
                          const fen = yuanInputToFen(value);
                          const checked = costCapFenSchema.safeParse(fen);
                          if (!checked.success) throw new Error(checked.error.issues[0]?.message);
                          const doc = form.getFieldValue(['levels', level, 'capDocument']);
                          if (offered && capPairProblem(fen, doc) === 'capMissing') {
                            throw new Error(capPairMessage(level, 'capMissing'));
                          }
                        },
                      },
                    ]}
                  >
                    <InputNumber
                      id={`certificate-cap-${level}`}
                      aria-label={`${certificateLevelLabels[level]}${text.fields.capYuan}`}
                      disabled={!offered}
                      prefix="¥"
                      min={0}
                      precision={2}
                      step={10}
                      style={{ width: '100%' }}
                      placeholder={text.placeholders.capYuan}
                    />
                  </Form.Item>
                </Col>
                <Col span={11}>
                  <Form.Item
                    name={['levels', level, 'capDocument']}
                    dependencies={[['levels', level, 'capYuan']]}
                    rules={[
                      zodRule(capDocumentSchema),
                      {
                        validator: async (_rule, value: string | null) => {
                          const fen = yuanInputToFen(
                            form.getFieldValue(['levels', level, 'capYuan']),
                          );
                          if (offered && capPairProblem(fen, value) === 'documentMissing') {
                            throw new Error(capPairMessage(level, 'documentMissing'));
                          }
                        },
                      },
                    ]}
                    extra={
                      offered ? (
                        capYuan != null && capDocument ? (
                          <Typography.Text type="secondary">
                            {text.capShown(formatFen(yuanInputToFen(capYuan)!), capDocument)}
                          </Typography.Text>
                        ) : (
                          <Tag>{t.catalogue.notEntered}</Tag>
                        )
                      ) : undefined
                    }
                  >
                    <Input
                      id={`certificate-doc-${level}`}
                      aria-label={`${certificateLevelLabels[level]}${text.fields.capDocument}`}
                      disabled={!offered}
                      placeholder={text.placeholders.capDocument}
                      allowClear
                    />
                  </Form.Item>
                </Col>
              </Row>
            );
          })}
          {noLevelOffered && (
            <Typography.Text type="danger" data-testid="levels-error">
              {text.atLeastOneLevel}
            </Typography.Text>
          )}
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
                    <Form.Item
                      name={[item.name, 'text']}
                      rules={[zodRule(requirementItemSchema.shape.text)]}
                      style={{ flex: 1 }}
                    >
                      <Input
                        id={`certificate-requirement-${index}`}
                        addonBefore={text.fields.requirement(index + 1)}
                        placeholder={text.placeholders.requirement}
                      />
                    </Form.Item>
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
