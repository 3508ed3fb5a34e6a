import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Button,
  Col,
  Empty,
  Flex,
  Form,
  Input,
  Row,
  Select,
  Typography,
  type FormInstance,
} from 'antd';
import { capDocumentSchema } from '../../../../shared/contract/catalogue';
import {
  certificateLevelLabels,
  type CertificateLevel,
} from '../../../../shared/domain/certificate';
import {
  capFormLabels,
  capForms,
  feeLimitKindLabels,
  feeLimitKinds,
  type CapForm,
  type FeeLimitKind,
} from '../../../../shared/domain/costCaps';
import { DateInput, dateField } from '../../components/DateInput';
import { t } from '../../i18n';
import { Field, MoneyInput } from '../../components/formFields';

/** One row of the list as the form holds it: the amount in yuan, dates as ISO strings. */
export interface LimitFormValue {
  id?: number;
  kind: FeeLimitKind;
  level: CertificateLevel;
  examForm: CapForm;
  amountYuan: number | null;
  document: string;
  validFrom: string | null;
  validUntil: string | null;
}

const text = t.catalogue.form.limits;

/**
 * 考核成本上限与省级核定收费标准: one row per published figure, each with its level, exam form
 * (未区分 for a cap that does not tell forms apart; the approved fee has none), document and
 * validity. A batch is judged by the row in force on its exam date.
 */
export function LimitsEditor({
  form,
  offered,
}: {
  form: FormInstance;
  offered: CertificateLevel[];
}) {
  const levelOptions = offered.map((l) => ({ value: l, label: certificateLevelLabels[l] }));
  const rows = Form.useWatch('limits', form) as LimitFormValue[] | undefined;
  return (
    <Form.List name="limits">
      {(items, { add, remove }) => (
        <Flex vertical gap={4}>
          {items.length === 0 && (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text.empty} />
          )}
          {items.map((item, index) => {
            const kind = rows?.[item.name]?.kind;
            return (
              <div
                key={item.key}
                data-testid={`limit-${index}`}
                style={{ borderBottom: '1px dashed #f0f0f0', paddingTop: 8 }}
              >
                <Form.Item name={[item.name, 'id']} hidden>
                  <Input />
                </Form.Item>
                <Row gutter={8} align="top">
                  <Field span={6} name={[item.name, 'kind']} label={text.kind}>
                    <Select
                      aria-label={`${text.kind} ${index + 1}`}
                      options={feeLimitKinds.map((k) => ({
                        value: k,
                        label: feeLimitKindLabels[k],
                      }))}
                      onChange={(next: FeeLimitKind) => {
                        if (next === 'approved_fee') {
                          form.setFieldValue(['limits', item.name, 'examForm'], 'any');
                        }
                      }}
                    />
                  </Field>
                  <Field
                    span={4}
                    name={[item.name, 'level']}
                    label={text.level}
                    rules={[{ required: true, message: text.levelRequired }]}
                  >
                    <Select aria-label={`${text.level} ${index + 1}`} options={levelOptions} />
                  </Field>
                  <Field span={6} name={[item.name, 'examForm']} label={text.examForm}>
                    <Select
                      aria-label={`${text.examForm} ${index + 1}`}
                      disabled={kind === 'approved_fee'}
                      options={capForms.map((f) => ({ value: f, label: capFormLabels[f] }))}
                    />
                  </Field>
                  <Field
                    span={8}
                    name={[item.name, 'amountYuan']}
                    label={text.amount}
                    rules={[{ required: true, message: text.amountRequired }]}
                  >
                    <MoneyInput aria-label={`${text.amount} ${index + 1}`} step={10} />
                  </Field>
                  <Field
                    span={9}
                    name={[item.name, 'document']}
                    label={text.document}
                    required
                    schema={capDocumentSchema}
                  >
                    <Input
                      aria-label={`${text.document} ${index + 1}`}
                      placeholder={text.documentPlaceholder}
                    />
                  </Field>
                  <Field
                    span={7}
                    name={[item.name, 'validFrom']}
                    label={text.validFrom}
                    {...dateField()}
                  >
                    <DateInput placeholder={text.openStart} />
                  </Field>
                  <Field
                    span={7}
                    name={[item.name, 'validUntil']}
                    label={text.validUntil}
                    {...dateField()}
                  >
                    <DateInput placeholder={text.openEnd} />
                  </Field>
                  <Col span={1} style={{ paddingTop: 30 }}>
                    <Button
                      icon={<DeleteOutlined />}
                      aria-label={text.remove(index + 1)}
                      title={text.remove(index + 1)}
                      danger
                      onClick={() => remove(item.name)}
                    />
                  </Col>
                </Row>
              </div>
            );
          })}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {text.hint}
          </Typography.Text>
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            disabled={offered.length === 0}
            onClick={() =>
              add({
                kind: 'cap',
                level: offered[0],
                examForm: 'any',
                amountYuan: null,
                document: '',
                validFrom: null,
                validUntil: null,
              } satisfies LimitFormValue)
            }
            block
          >
            {text.add}
          </Button>
        </Flex>
      )}
    </Form.List>
  );
}
