import { Form, Select, type FormInstance, type FormRule } from 'antd';
import type { ReactNode } from 'react';
import type { ZodType } from 'zod';
import type { Certificate } from '../../../../shared/contract/catalogue';
import { yuanToFen } from '../../../../shared/domain/money';
import {
  certificateLevelLabels,
  type CertificateLevel,
} from '../../../../shared/domain/certificate';
import {
  ceilingInForce,
  examFormLabels,
  examForms,
  feeOverLimitMessage,
  limitText,
  type ExamForm,
  type FeeLimit,
} from '../../../../shared/domain/costCaps';
import { formatChineseDate } from '../../../../shared/domain/dates';
import { t } from '../../i18n';
import { Field, MoneyInput, namedField } from '../../components/formFields';
import { useExamRefs } from './examsStore';

/**
 * The picked certificate, and the figure a fee on `on` is judged by (`ceilingInForce`, as the
 * core judges it): the lower of the cap of the exam form and the approved fee in force that day.
 * null until the certificate, level and date are picked, or when none is recorded for that day.
 */
export function limitFor(
  certificates: readonly Certificate[],
  picked: {
    certificateId: number | undefined;
    level: CertificateLevel | undefined;
    examForm: ExamForm | null | undefined;
    on: string | null | undefined;
  },
): { certificate: Certificate | undefined; limit: FeeLimit | null; ready: boolean } {
  const certificate = certificates.find((c) => c.id === picked.certificateId);
  const offered = certificate?.levels.some((l) => l.level === picked.level) ?? false;
  if (!certificate || !picked.level || !offered || !picked.on) {
    return { certificate, limit: null, ready: false };
  }
  const limit = ceilingInForce(certificate.limits, {
    level: picked.level,
    examForm: picked.examForm ?? null,
    on: picked.on,
  });
  return { certificate, limit, ready: true };
}

/** The values a fee is judged by, as the batch and agreement forms hold them. */
export interface FeeValues {
  certificateId?: number;
  level?: CertificateLevel;
  examForm?: ExamForm | null;
  fee?: number | null;
}

/** Those values as the contract takes them; an empty fee goes as '', for its schema to refuse. */
export function feeInput({ certificateId, level, examForm, fee }: FeeValues) {
  return { certificateId, level, examForm: examForm ?? null, fee: fee ?? '' };
}

/**
 * What a batch or agreement form has picked so far (certificate, level, exam form and the date in
 * `dateField`) and the fee figure in force for them, as `limitFor` finds it.
 */
export interface PickedLimit extends ReturnType<typeof limitFor> {
  certificates: readonly Certificate[];
  /** The form's date field (考核日期, 协商日期) and its value. */
  dateField: string;
  on: string | null | undefined;
}

/** Watches the fields a fee is judged by, in a form with certificateId, level and examForm. */
export function usePickedLimit(form: FormInstance, dateField: string): PickedLimit {
  const { certificates } = useExamRefs();
  const certificateId = Form.useWatch<number | undefined>('certificateId', form);
  const level = Form.useWatch<CertificateLevel | undefined>('level', form);
  const examForm = Form.useWatch<ExamForm | null | undefined>('examForm', form);
  const on = Form.useWatch<string | null | undefined>(dateField, form);
  const picked = limitFor(certificates, { certificateId, level, examForm, on });
  return { ...picked, certificates, dateField, on };
}

/** Level options of one certificate (their caps depend on the date and form: see the fee). */
export function levelOptions(certificate: Certificate | undefined) {
  return (certificate?.levels ?? []).map((l) => ({
    value: l.level,
    label: certificateLevelLabels[l.level],
  }));
}

/** “2020年9月1日 适用：机考考核成本上限 ¥500.00（…，…有效）”, or that none applies. */
export function limitHint(picked: PickedLimit) {
  const { on } = picked;
  if (!picked.ready || !on) return undefined;
  return picked.limit === null
    ? t.exams.noCapHint(formatChineseDate(on))
    : t.exams.capHint(formatChineseDate(on), limitText(picked.limit));
}

/**
 * 每人考核费 in yuan, checked with the contract's schema and against the figure in force for the
 * picked level, form and date (the same message the core gives); re-checked when they change.
 * A fee over the figure says so as it is shown (a saved batch too, after the cap changed), once:
 * then `extra`, the figure in force, is left out, as the message already names it.
 */
export function FeeField({
  text: { fields, feeWhat },
  schemas,
  picked: { limit, on, dateField },
  extra,
}: {
  /** The form's words: the fee's label, and what the over-cap message calls it, e.g. 考核费. */
  text: { fields: { fee: string }; feeWhat: string };
  schemas: { fee: ZodType };
  picked: PickedLimit;
  extra?: ReactNode;
}) {
  const overLimit = (value: unknown): string | null => {
    if (value === null || value === undefined || value === '' || !on) return null;
    const fen = yuanToFen(value as number | string);
    return fen === undefined ? null : feeOverLimitMessage(feeWhat, fen, limit, on);
  };
  const overCap: FormRule = {
    validator: async (_rule, value: unknown) => {
      const problem = overLimit(value);
      if (problem) throw new Error(problem);
    },
  };
  const over = overLimit(Form.useWatch<unknown>('fee'));
  return (
    <Field
      {...namedField(fields, schemas, 'fee')}
      required
      dependencies={['level', 'certificateId', 'examForm', dateField]}
      {...(over ? { help: over, validateStatus: 'error' as const } : { extra })}
      rules={[overCap]}
    >
      <MoneyInput />
    </Field>
  );
}

/** 考核形式: picks the cap that applies. */
export function ExamFormField({ label }: { label: string }) {
  return (
    <Form.Item
      name="examForm"
      label={label}
      required
      rules={[{ required: true, message: t.exams.examFormRequired }]}
    >
      <Select
        placeholder={t.exams.placeholders.examForm}
        options={examForms.map((f) => ({ value: f, label: examFormLabels[f] }))}
      />
    </Form.Item>
  );
}

interface CertificateLevelProps {
  picked: PickedLimit;
  labels: { certificateId: string; level: string };
  schemas: { certificateId: ZodType; level: ZodType };
  /** More checks on the level, e.g. that a cap applies. */
  levelRules?: FormRule[];
}

/**
 * The certificate and level pair of the batch and agreement forms: picking another certificate
 * clears the level; picking a level re-checks the fee against the figure in force.
 */
export function CertificateLevelFields({
  picked: { certificates, certificate },
  labels,
  schemas,
  levelRules = [],
}: CertificateLevelProps) {
  const form = Form.useFormInstance();
  return (
    <>
      <Field span={14} {...namedField(labels, schemas, 'certificateId')} required>
        <Select
          showSearch
          optionFilterProp="label"
          placeholder={t.exams.placeholders.certificateId}
          options={certificates.map((c) => ({ value: c.id, label: c.name }))}
          onChange={() => form.setFieldValue('level', undefined)}
        />
      </Field>
      <Field span={10} {...namedField(labels, schemas, 'level')} required rules={[...levelRules]}>
        <Select
          placeholder={t.exams.placeholders.level}
          options={levelOptions(certificate)}
          onChange={() => void form.validateFields(['fee']).catch(() => undefined)}
        />
      </Field>
    </>
  );
}
