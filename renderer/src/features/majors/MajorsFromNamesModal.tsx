import type { ReactNode } from 'react';
import { Alert, Form, Input, Select, Table, Typography } from 'antd';
import {
  majorFields,
  type Major,
  type MajorInput,
  type MajorInputData,
} from '../../../../shared/contract/majors';
import { majorLevelLabels, majorLevels, type MajorLevel } from '../../../../shared/domain/majors';
import type { ImportGroupValue } from '../../../../shared/contract/imports';
import { mutate } from '../../api/queryCache';
import { FormModal } from '../../components/FormModal';
import { NumberInput } from '../../components/formFields';
import { zodRule } from '../../components/zodRule';
import { t } from '../../i18n';

interface Props {
  /** The 专业未匹配 group's distinct names, each with its rows' earliest 入学年份. */
  names: ImportGroupValue[];
  /** The school's usual level (the one most of its majors have), if it has majors. */
  level: MajorLevel | undefined;
  onSaved(majors: Major[]): void;
  onClose(): void;
}

interface Values {
  majors: Partial<MajorInput>[];
}

const text = t.majors.fromNames;
const f = t.majors.fields;

/** The fields typed per row (the name comes from the roster). */
const editable = [
  'code',
  'level',
  'catalogueYear',
  'firstEnrolmentYear',
  'annualEnrolment',
] as const;

/** The input of one field, labelled “护理 专业代码” for screen readers and tests. */
function inputOf(field: (typeof editable)[number], label: string): ReactNode {
  if (field === 'code') {
    return <Input aria-label={label} placeholder={t.majors.placeholders.code} maxLength={6} />;
  }
  if (field === 'level') {
    return (
      <Select
        aria-label={label}
        placeholder={t.majors.placeholders.level}
        options={majorLevels.map((value) => ({ value, label: majorLevelLabels[value] }))}
      />
    );
  }
  return <NumberInput aria-label={label} />;
}

/** “510299 某专业” carries its code; a bare name leaves the code to type. */
function initialRow(name: ImportGroupValue, level: MajorLevel | undefined): Partial<MajorInput> {
  const withCode = /^(\d{6})\s*(.+)$/.exec(name.text);
  return {
    code: withCode?.[1] ?? '',
    name: withCode?.[2] ?? name.text,
    level,
    catalogueYear: 2021,
    firstEnrolmentYear: name.earliestYear ?? undefined,
    annualEnrolment: 0,
  };
}

/**
 * 按名称新建这些专业: one row per unmatched name with the fields a major needs; 保存 creates all of
 * them at once (majors.saveMany: all or none), each field checked as the core checks it and its
 * message naming the row.
 */
export function MajorsFromNamesModal({ names, level, onSaved, onClose }: Props) {
  const [form] = Form.useForm<Values>();
  const save = async ({ majors }: Values): Promise<string> => {
    const saved = await mutate('majors.saveMany', { majors: majors as MajorInputData[] });
    onSaved(saved);
    return text.saved(saved.length);
  };
  const initial = names.map((n) => initialRow(n, level));
  /** One field of row `i`, checked as the core checks it, its message naming the row. */
  const cell = (i: number, field: (typeof editable)[number]) => (
    <Form.Item
      name={[i, field]}
      style={{ margin: 0 }}
      rules={[zodRule(majorFields[field], text.rowPrefix(i + 1, initial[i].name ?? ''))]}
    >
      {inputOf(field, `${initial[i].name} ${f[field]}`)}
    </Form.Item>
  );
  return (
    <FormModal
      form={form}
      name="majorsFromNames"
      initialValues={{ majors: initial }}
      title={text.title}
      width={960}
      onSubmit={save}
      onClose={onClose}
    >
      <Alert type="info" showIcon message={text.intro} style={{ marginBottom: 12 }} />
      <Form.List name="majors">
        {() => (
          <Table<ImportGroupValue>
            size="small"
            data-testid="majors-from-names"
            rowKey="text"
            pagination={false}
            dataSource={names}
            columns={[
              {
                title: f.name,
                key: 'name',
                render: (_, name, i) => (
                  <>
                    <Typography.Text strong>{initial[i].name}</Typography.Text>{' '}
                    <Typography.Text type="secondary">{text.rows(name.count)}</Typography.Text>
                    <Form.Item name={[i, 'name']} hidden>
                      <Input />
                    </Form.Item>
                  </>
                ),
              },
              ...editable.map((field) => ({
                title: f[field],
                key: field,
                width: field === 'code' ? 170 : 130,
                render: (_: unknown, __: ImportGroupValue, i: number) => cell(i, field),
              })),
            ]}
          />
        )}
      </Form.List>
    </FormModal>
  );
}
