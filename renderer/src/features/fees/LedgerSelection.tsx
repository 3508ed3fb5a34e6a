import { Checkbox } from 'antd';
import { memo } from 'react';
import { t } from '../../i18n';
import { useFeesStore, useLedgerPage } from './feesStore';

const text = t.fees;

const rowCheckbox = {
  width: 16,
  height: 16,
  margin: 0,
  verticalAlign: 'middle',
  cursor: 'pointer',
  accentColor: '#1677ff',
} as const;

function select(ids: number[], on: boolean) {
  const { selected, setSelected } = useFeesStore.getState();
  const rest = selected.filter((id) => !ids.includes(id));
  setSelected(on ? [...rest, ...ids] : rest);
}

/**
 * One sign-up's tick. A plain checkbox watching only its own id: ticking re-renders this box,
 * not the table, and a new page fills the boxes already on screen.
 */
export const RowCheck = memo(function RowCheck({ id, name }: { id: number; name: string }) {
  const checked = useFeesStore((s) => s.selected.includes(id));
  return (
    <input
      type="checkbox"
      style={rowCheckbox}
      aria-label={text.selectRow(name)}
      checked={checked}
      onChange={(e) => select([id], e.target.checked)}
    />
  );
});

/** Ticks or clears every sign-up on the page; the selection on other pages is kept. */
export const PageCheck = memo(function PageCheck() {
  const ids =
    useLedgerPage()
      .data?.items.map((r) => r.id)
      .join(',') ?? '';
  const onPage = ids === '' ? [] : ids.split(',').map(Number);
  const ticked = useFeesStore((s) => onPage.filter((id) => s.selected.includes(id)).length);
  return (
    <Checkbox
      aria-label={text.selectPage}
      disabled={onPage.length === 0}
      checked={onPage.length > 0 && ticked === onPage.length}
      indeterminate={ticked > 0 && ticked < onPage.length}
      onChange={(e) => select(onPage, e.target.checked)}
    />
  );
});
