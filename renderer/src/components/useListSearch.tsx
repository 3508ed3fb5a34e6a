import { Input } from 'antd';
import { useMemo, useState } from 'react';

/**
 * A short list searched in the page: `rows` are the items one of whose `texts` holds what was typed
 * (trimmed, in any case), `box` the search box, labelled by its placeholder. `texts` should be
 * defined outside the component, so the filter runs only when the items or the search change.
 */
export function useListSearch<T>(
  items: readonly T[],
  texts: (item: T) => readonly string[],
  placeholder: string,
) {
  const [search, setSearch] = useState('');
  const rows = useMemo(() => {
    const q = search.trim().toLowerCase();
    if (!q) return items;
    return items.filter((item) => texts(item).some((text) => text.toLowerCase().includes(q)));
  }, [items, texts, search]);
  const box = (
    <Input.Search
      allowClear
      placeholder={placeholder}
      style={{ maxWidth: 320 }}
      onChange={(e) => setSearch(e.target.value)}
      aria-label={placeholder}
    />
  );
  return { rows, box };
}
