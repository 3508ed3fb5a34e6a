import { AutoComplete, type AutoCompleteProps } from 'antd';

/**
 * A text field with suggestions (antd AutoComplete). Its input is a search box, which Chromium
 * empties on Esc: here Esc only closes the suggestions (and, with them closed, reaches the dialog,
 * which asks before discarding) and never throws away what was typed.
 */
export function SuggestInput(props: AutoCompleteProps) {
  return (
    <AutoComplete
      {...props}
      onKeyDown={(event) => {
        if (event.key === 'Escape') event.preventDefault();
        props.onKeyDown?.(event);
      }}
    />
  );
}
