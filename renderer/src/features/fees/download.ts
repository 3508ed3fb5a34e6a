import { mimeTypes, type SheetDownload } from '../../../../shared/contract/files';
import { saveContent } from '../../api/files';

/** Saves a sheet the core wrote, as every other download does (blob + `<a download>`). */
export function saveSheet(sheet: SheetDownload): void {
  saveContent({
    fileName: sheet.fileName,
    mime: mimeTypes.xlsx,
    contentBase64: sheet.contentBase64,
  });
}
