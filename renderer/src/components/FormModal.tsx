import { App, Form, Modal, type FormInstance } from 'antd';
import { useState, type ReactNode } from 'react';
import { t } from '../i18n';
import { focusFirstField } from './focusFirstField';
import { reportSaveError, validatedValues } from './formErrors';
import { useUnsavedGuard } from './useUnsavedGuard';

/** What a list page gives the create/edit dialog of one of its records. */
export interface RecordFormProps<R, I> {
  /** The save in flight. */
  saving: boolean;
  /** Stores the input (with the record's id when editing) and answers the stored record. */
  onSave: (input: I) => Promise<R>;
  onClose: () => void;
}

/** A record dialog's words: its two titles and what a save says. */
export interface RecordFormText<R> {
  addTitle: ReactNode;
  editTitle: ReactNode | ((record: R) => ReactNode);
  saved: string | ((saved: R) => string);
}

interface Props<V> {
  form: FormInstance<V>;
  /** The form's name: field ids are `<name>_<field>`. */
  name: string;
  initialValues?: Partial<V>;
  title: ReactNode;
  width?: number;
  /** The save in flight (the OK button spins). */
  saving?: boolean;
  /** Saves the validated values and returns the message to show; a refusal keeps the dialog open. */
  onSubmit: (values: V) => Promise<string>;
  onClose: () => void;
  /** A person's edits (not values set by code), e.g. to clear fields that no longer apply. */
  onValuesChange?: (changed: Partial<V>, all: V) => void;
  children: ReactNode;
}

/**
 * Every create/edit dialog: 保存 validates the form with the contract's rules, saves, says so and
 * closes; a refusal puts the core's field errors on the fields and keeps what was typed. Enter in
 * a field saves too (in a date field it confirms the typed date, in a select it picks). Closing
 * it over unsaved edits (取消, the X, Esc) asks first. It opens with the caret in its first field.
 */
export function FormModal<V>({
  form,
  name,
  initialValues,
  title,
  width = 640,
  saving,
  onSubmit,
  onClose,
  onValuesChange,
  children,
}: Props<V>) {
  const { message } = App.useApp();
  const [dirty, setDirty] = useState(false);
  const guard = useUnsavedGuard(dirty);
  const submit = async () => {
    const values = await validatedValues<V>(form, message);
    if (!values) return;
    try {
      message.success(await onSubmit(values));
      setDirty(false);
      onClose();
    } catch (error) {
      reportSaveError(form, message, error);
    }
  };
  return (
    <Modal
      open
      title={title}
      okText={t.common.save}
      cancelText={t.common.cancel}
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={() => guard(onClose)}
      width={width}
      maskClosable={false}
      afterOpenChange={focusFirstField(name)}
    >
      <Form
        form={form}
        name={name}
        layout="vertical"
        initialValues={initialValues}
        onValuesChange={(changed: Partial<V>, all: V) => {
          setDirty(true);
          onValuesChange?.(changed, all);
        }}
        onFinish={() => void submit()}
      >
        {children}
        <button type="submit" hidden aria-hidden />
      </Form>
    </Modal>
  );
}

interface RecordFormModalProps<R extends { id: number }, I, V>
  extends RecordFormProps<R, I>, Omit<Props<V>, 'title' | 'saving' | 'onSubmit' | 'onClose'> {
  /** The record edited, or null for a new one. */
  record: R | null;
  text: RecordFormText<R>;
  /** The save input of the validated values, without the record's id. */
  toInput: (values: V) => I;
}

/**
 * The create/edit dialog of a list page's record: saves the input of the values, with the
 * record's id when editing, and says so.
 */
export function RecordFormModal<R extends { id: number }, I, V>({
  record,
  text,
  toInput,
  onSave,
  ...modal
}: RecordFormModalProps<R, I, V>) {
  const submit = async (values: V): Promise<string> => {
    const input = toInput(values);
    const saved = await onSave(record ? { ...input, id: record.id } : input);
    return typeof text.saved === 'function' ? text.saved(saved) : text.saved;
  };
  const { editTitle } = text;
  const title = !record
    ? text.addTitle
    : typeof editTitle === 'function'
      ? editTitle(record)
      : editTitle;
  return <FormModal<V> {...modal} title={title} onSubmit={submit} />;
}
