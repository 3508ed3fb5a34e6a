import { AutoComplete, type AutoCompleteProps } from 'antd';

interface Props extends AutoCompleteProps {
  /** Plain-text suggestions, offered while what was typed is part of them. */
  suggestions?: readonly string[];
}

/**
 * A text field with suggestions (antd AutoComplete). Its input is a search box, which Chromium
 * empties on Esc: here Esc only closes the suggestions (and, with them closed, reaches the dialog,
 * which asks before discarding) and never throws away what was typed.
 */
export function SuggestInput({ suggestions, ...props }: Props) {
  const fromSuggestions: AutoCompleteProps | undefined = suggestions && {
    options: suggestions.map((value) => ({ value })),
    filterOption: (input, option) => String(option?.value ?? '').includes(input),
  };
  return (
    <AutoComplete
      {...fromSuggestions}
      {...props}
      onKeyDown={(event) => {
        if (event.key === 'Escape') event.preventDefault();
        props.onKeyDown?.(event);
      }}
    />
  );
}
