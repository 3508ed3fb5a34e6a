import type { Cell } from './content';

/** A cell placed on the table's grid: its first row and column and how far it reaches. */
export interface PlacedCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  cell: Cell;
}

export const asCell = (c: string | Cell): Cell => (typeof c === 'string' ? { text: c } : c);

/**
 * Places the cells of rows written the HTML way (a spanning cell's covered slots are left out of
 * later rows) on a grid of `columns` columns.
 */
export function placeCells(rows: readonly (readonly (string | Cell)[])[]): {
  cells: PlacedCell[];
  columns: number;
} {
  const taken = new Set<string>();
  const cells: PlacedCell[] = [];
  let columns = 1;
  rows.forEach((row, r) => {
    let col = 0;
    for (const raw of row) {
      while (taken.has(`${r}:${col}`)) col += 1;
      const cell = asCell(raw);
      const rowSpan = Math.max(1, Math.min(cell.rowSpan ?? 1, rows.length - r));
      const colSpan = Math.max(1, cell.colSpan ?? 1);
      for (let i = 0; i < rowSpan; i += 1) {
        for (let j = 0; j < colSpan; j += 1) taken.add(`${r + i}:${col + j}`);
      }
      cells.push({ row: r, col, rowSpan, colSpan, cell });
      col += colSpan;
      columns = Math.max(columns, col);
    }
  });
  return { cells, columns };
}

/**
 * Rows that must stay on one page together because a cell spans them, as [first, last] pairs
 * covering every row from `from` on, in order.
 */
export function rowGroups(cells: readonly PlacedCell[], rowCount: number, from: number) {
  const reach = new Array<number>(rowCount).fill(0).map((_, r) => r);
  for (const c of cells) reach[c.row] = Math.max(reach[c.row], c.row + c.rowSpan - 1);
  const groups: [number, number][] = [];
  let start = from;
  let end = from;
  for (let r = from; r < rowCount; r += 1) {
    end = Math.max(end, reach[r]);
    if (r === end) {
      groups.push([start, end]);
      start = r + 1;
      end = r + 1;
    }
  }
  return groups;
}
