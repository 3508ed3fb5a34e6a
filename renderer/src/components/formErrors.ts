import type { FormInstance } from 'antd';
import type { MessageInstance } from 'antd/es/message/interface';
import { messageOf, PilotError } from '../api/client';
import { t } from '../i18n';

/** 'equipment.2.name' → ['equipment', 2, 'name'], the name path Ant Design forms use. */
export function namePath(path: string): (string | number)[] {
  return path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Puts the core's field errors (VALIDATION, CONFLICT) onto the form's fields; returns whether
 * any field was marked, so the caller can decide what else to show.
 */
export function showFieldErrors(form: FormInstance, error: unknown): boolean {
  const fields = error instanceof PilotError ? error.shape.details?.fields : undefined;
  if (!fields?.length) return false;
  const byPath = new Map<string, string[]>();
  for (const f of fields) byPath.set(f.path, [...(byPath.get(f.path) ?? []), f.message]);
  form.setFields([...byPath].map(([path, errors]) => ({ name: namePath(path), errors })));
  form.scrollToField(namePath(fields[0].path), { block: 'center' });
  return true;
}

const fixFieldsKey = 'fix-fields';

type Messages = Pick<MessageInstance, 'error' | 'destroy'>;

/**
 * Says nothing was saved because fields are marked. One toast however often 保存 is pressed: a
 * stack of the same words would cover the very fields it points to.
 */
export function sayFixFields(message: Messages): void {
  void message.error({ content: t.common.fixFields, key: fixFieldsKey });
}

/**
 * The form's values once every field is valid (the earlier “fix the fields” toast goes, so it
 * does not stand beside the save's own message); otherwise says nothing was saved and returns
 * undefined.
 */
export async function validatedValues<V>(
  form: FormInstance<V>,
  message: Messages,
): Promise<V | undefined> {
  try {
    const values = await form.validateFields();
    message.destroy(fixFieldsKey);
    return values;
  } catch {
    sayFixFields(message);
    return undefined;
  }
}

/**
 * Thrown by a save the person declined at a confirmation (e.g. “仍然保存？” → 取消): nothing is
 * reported and the dialog stays open with what was typed.
 */
export class SaveDeclined extends Error {}

/** A save the core refused: its field errors go onto the fields, its message into a toast. */
export function reportSaveError(form: FormInstance, message: Messages, error: unknown): void {
  if (error instanceof SaveDeclined) return;
  showFieldErrors(form, error);
  message.error(`${t.common.requestFailed}：${messageOf(error)}`);
}
