// Bundled by pdfFont.test.ts exactly like the Electron main, then run from a foreign folder:
// writes a heading and a paragraph to the PDF argv[2] and prints where the fonts were found.
import { writeFileSync } from 'node:fs';
import { renderPdf } from '../../../electron/core/modules/package/pdf';
import { pdfFontPath } from '../../../electron/core/modules/package/pdfFonts';

renderPdf('字体检查', [
  { type: 'heading', text: '一、学校基本情况' },
  { type: 'paragraph', text: '湖北示例职业技术学院申报表' },
]).then(
  (bytes) => {
    writeFileSync(process.argv[2], bytes);
    process.stdout.write(JSON.stringify([pdfFontPath('serif'), pdfFontPath('sans')]));
  },
  (error: unknown) => {
    process.stderr.write(String(error));
    process.exit(1);
  },
);
