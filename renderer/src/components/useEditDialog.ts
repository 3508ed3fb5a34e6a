import { useState, type ReactNode } from 'react';

/**
 * The create/edit dialog of a list's records: `edit(record)`, or `edit('new')` for 新增, opens it;
 * `dialog` is what `render` makes of the record (null for a new one) while it is open, else null.
 */
export function useEditDialog<R>(render: (record: R | null, close: () => void) => ReactNode): {
  edit: (record: R | 'new') => void;
  dialog: ReactNode;
} {
  const [editing, setEditing] = useState<R | 'new' | null>(null);
  return {
    edit: setEditing,
    dialog:
      editing === null ? null : render(editing === 'new' ? null : editing, () => setEditing(null)),
  };
}
