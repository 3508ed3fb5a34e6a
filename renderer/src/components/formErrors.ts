import type { FormInstance } from 'antd';
import { PilotError } from '../api/client';

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
