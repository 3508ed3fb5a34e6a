import { Col, Form, Input, Row, Select, type InputNumberProps } from 'antd';
import {
  batchFields,
  type BatchSaveInput,
  type ExamBatch,
} from '../../../../shared/contract/exams';
import { fenToYuan } from '../../../../shared/domain/money';
import { RecordFormModal, type RecordFormProps } from '../../components/FormModal';
import { SaveDeclined } from '../../components/formErrors';
import { useConfirmedRun } from '../../components/useConfirmedRun';
import { placeOf, placeValue, usePlaceOptions, type PlaceValue } from '../examSites/places';
import { t } from '../../i18n';
import { DateInput } from '../../components/DateInput';
import {
  CertificateLevelFields,
  ExamFormField,
  FeeField,
  feeInput,
  limitHint,
  usePickedLimit,
  type FeeValues,
} from './formParts';
import { fieldsOf, NumberInput } from '../../components/formFields';

interface Values extends FeeValues {
  name?: string;
  examDate?: string | null;
  /** A 实训室 or 实习实训场所 ('room:3', 'site:5'); null with the place typed in siteText. */
  place?: PlaceValue | null;
  siteText?: string;
  organization?: string;
  capacity?: number | null;
  passScore?: number | null;
  theoryWeight?: number | null;
  note?: string;
}

interface Props extends RecordFormProps<ExamBatch, BatchSaveInput> {
  batch: ExamBatch | null;
}

function toValues(batch: ExamBatch | null): Values {
  if (!batch) return { place: null, capacity: null, passScore: null, theoryWeight: null };
  const place =
    batch.roomId !== null
      ? placeValue({ kind: 'room', id: batch.roomId })
      : batch.siteId !== null
        ? placeValue({ kind: 'site', id: batch.siteId })
        : null;
  return {
    certificateId: batch.certificateId,
    level: batch.level,
    examForm: batch.examForm,
    name: batch.name,
    examDate: batch.examDate,
    place,
    siteText: place === null ? batch.siteText : '',
    organization: batch.organization,
    fee: fenToYuan(batch.feeFen),
    capacity: batch.capacity,
    passScore: batch.passScore,
    theoryWeight: batch.theoryWeight,
    note: batch.note,
  };
}

const { Field, DateField } = fieldsOf(t.exams.fields, batchFields);

function toInput(values: Values): BatchSaveInput {
  const chosen = values.place ? placeOf(values.place) : null;
  return {
    ...feeInput(values),
    name: values.name ?? '',
    examDate: values.examDate ?? '',
    siteId: chosen?.kind === 'site' ? chosen.id : null,
    roomId: chosen?.kind === 'room' ? chosen.id : null,
    siteText: chosen ? '' : (values.siteText ?? ''),
    organization: values.organization ?? '',
    capacity: values.capacity ?? null,
    passScore: values.passScore ?? null,
    theoryWeight: values.theoryWeight ?? null,
    note: values.note ?? '',
  } as BatchSaveInput;
}

/** One of the batch's numbers in half the row, with its placeholder. */
function NumberField({
  name,
  tooltip,
  ...input
}: {
  name: 'capacity' | 'passScore' | 'theoryWeight';
  tooltip?: string;
} & InputNumberProps<number>) {
  return (
    <Field span={12} name={name} tooltip={tooltip}>
      <NumberInput placeholder={t.exams.placeholders[name]} {...input} />
    </Field>
  );
}

/**
 * Create or edit an exam batch; the fee is typed in yuan and checked against the cap (or approved
 * fee) in force on the exam date for the exam form.
 */
export function BatchFormModal({ batch, onSave, ...dialog }: Props) {
  const [form] = Form.useForm<Values>();
  const placeOptions = usePlaceOptions();
  const place = Form.useWatch('place', form);
  const text = t.exams;
  const picked = usePickedLimit(form, 'examDate');
  const { certificate } = picked;

  // A place that is not an approved 考核站点 is asked about (the core's warning says which).
  const run = useConfirmedRun({
    title: t.examSites.verdict.confirmTitle,
    okText: t.examSites.verdict.confirmOk,
  });
  const saveConfirmed = async (input: BatchSaveInput): Promise<ExamBatch> => {
    const saved = await run((confirm) => onSave({ ...input, confirm }));
    if (saved === null) throw new SaveDeclined();
    return saved;
  };

  return (
    <RecordFormModal
      {...dialog}
      onSave={saveConfirmed}
      form={form}
      name="batch"
      record={batch}
      text={text}
      initialValues={toValues(batch)}
      width={720}
      toInput={toInput}
    >
      <Row gutter={16}>
        <CertificateLevelFields picked={picked} labels={text.fields} schemas={batchFields} />
        <Field span={8} name="name">
          <Input placeholder={text.placeholders.name} />
        </Field>
        <Col span={6}>
          <ExamFormField label={text.fields.examForm} />
        </Col>
        <DateField span={10} name="examDate" required>
          <DateInput />
        </DateField>
        <Col span={12}>
          <Form.Item name="place" label={text.fields.siteId}>
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              placeholder={text.placeholders.siteId}
              options={placeOptions}
            />
          </Form.Item>
        </Col>
        <Field span={12} name="siteText">
          <Input placeholder={text.placeholders.siteText} disabled={Boolean(place)} />
        </Field>
        <Field span={24} name="organization">
          <Input placeholder={text.placeholders.organization(certificate?.organization ?? '')} />
        </Field>
        <Col span={12}>
          <FeeField text={text} schemas={batchFields} picked={picked} extra={limitHint(picked)} />
        </Col>
        <NumberField name="capacity" min={1} precision={0} />
        <NumberField name="passScore" tooltip={text.scoringHelp} min={0} max={1000} />
        <NumberField
          name="theoryWeight"
          tooltip={text.scoringHelp}
          min={0}
          max={100}
          precision={0}
        />
        <Field span={24} name="note">
          <Input.TextArea rows={2} />
        </Field>
      </Row>
    </RecordFormModal>
  );
}
