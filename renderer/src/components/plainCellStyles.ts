// Plain DOM styled like antd's secondary text, links and tags: a page of virtual-table rows stays
// cheap to render, where antd's components would add their own elements and hooks to every cell.

/** antd's secondary text colour. */
export const muted = { color: 'rgba(0, 0, 0, 0.45)' } as const;

/** A button that looks like a link. */
export const linkButton = {
  border: 0,
  background: 'none',
  padding: 0,
  color: '#1677ff',
  cursor: 'pointer',
  font: 'inherit',
} as const;

/** A span that looks like antd's default Tag; coloured ones set color, borderColor and background. */
export const plainTag = {
  display: 'inline-block',
  padding: '0 6px',
  fontSize: 12,
  lineHeight: '18px',
  border: '1px solid #d9d9d9',
  borderRadius: 4,
  background: '#fafafa',
} as const;
