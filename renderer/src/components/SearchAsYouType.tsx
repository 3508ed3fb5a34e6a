import { Input } from 'antd';
import { memo, useRef, useState } from 'react';
import { useLeadingDebounce } from './useLeadingDebounce';

interface Props {
  id: string;
  placeholder: string;
  /** The search text when the box mounts (only the box and 清除筛选 change it). */
  initial: string;
  onSearch: (value: string) => void;
}

/**
 * A search box sent to the core as the user types (see useLeadingDebounce), holding its own
 * text so the list behind it re-renders only when a new page arrives.
 */
export const SearchAsYouType = memo(function SearchAsYouType({
  id,
  placeholder,
  initial,
  onSearch,
}: Props) {
  const [search, setSearch] = useState(initial);
  const composing = useRef(false);
  const searchNow = useLeadingDebounce((value) => onSearch(value.trim()));
  const onChange = (value: string) => {
    setSearch(value);
    if (!composing.current) searchNow(value);
  };
  return (
    <Input.Search
      id={id}
      allowClear
      style={{ width: 320 }}
      placeholder={placeholder}
      aria-label={placeholder}
      value={search}
      onChange={(e) => onChange(e.target.value)}
      onCompositionStart={() => {
        composing.current = true;
      }}
      onCompositionEnd={(e) => {
        composing.current = false;
        onChange(e.currentTarget.value);
      }}
      onSearch={(value) => onSearch(value.trim())}
    />
  );
});
