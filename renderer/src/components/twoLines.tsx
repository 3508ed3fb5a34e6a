import { Typography } from 'antd';
import type { ReactNode } from 'react';

/**
 * A table cell of two lines: the value on one line and, under it, a secondary note (the
 * organization, a document number) that may wrap. Keeps a narrow table within a 1280 px window
 * without a column of its own for the note.
 */
export const twoLines = (main: ReactNode, note: ReactNode) => (
  <>
    <div style={{ whiteSpace: 'nowrap' }}>{main}</div>
    {note ? (
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
        {note}
      </Typography.Text>
    ) : null}
  </>
);
