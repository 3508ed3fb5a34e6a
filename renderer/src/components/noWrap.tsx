import type { ReactNode } from 'react';

/** Text that must stay on one line (a 学号, an amount): a table cell's `render` or inline. */
export const noWrap = (text: ReactNode) => <span style={{ whiteSpace: 'nowrap' }}>{text}</span>;
