import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';

/** The baseline parser: ExcelJS's streaming reader, first sheet, every row's values. */
export async function excelJsStreamingRead(bytes: Buffer): Promise<ExcelJS.CellValue[][]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(bytes), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const rows: ExcelJS.CellValue[][] = [];
  for await (const sheet of reader) {
    for await (const r of sheet as AsyncIterable<ExcelJS.Row>) {
      rows.push((r.values as ExcelJS.CellValue[]).slice(1));
    }
  }
  return rows;
}

/**
 * The baseline writer: a roster's rows (header first, in test/harness/students' column order)
 * straight into the students table of `file`, one transaction.
 */
export function rawInsert(file: string, rows: ExcelJS.CellValue[][]): void {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  const insert = db.prepare(
    `INSERT INTO students (student_no, name, id_type, id_number, gender, major_id, major_text,
       class_name, entry_year, phone, pilot, created_at, updated_at)
     VALUES (?, ?, 'resident', ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const at = new Date().toISOString();
  db.transaction(() => {
    for (const r of rows.slice(1)) {
      const text = (i: number) => String(r[i] ?? '');
      insert.run(
        text(0),
        text(1),
        text(2),
        text(3) === '男' ? 'male' : 'female',
        text(4),
        text(5),
        Number.parseInt(text(6), 10),
        text(7),
        text(8) === '否' ? 0 : 1,
        at,
        at,
      );
    }
  })();
  db.close();
}
