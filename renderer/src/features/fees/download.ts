import type { SheetDownload } from '../../../../shared/contract/fees';
import { saveContent } from '../../api/files';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Saves a sheet the core wrote, as every other download does (blob + `<a download>`). */
export function saveSheet(sheet: SheetDownload): void {
  saveContent({ fileName: sheet.fileName, mime: XLSX, contentBase64: sheet.contentBase64 });
}
