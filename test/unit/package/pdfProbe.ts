// Bundled by pdfFont.test.ts exactly like the Electron main, then run from a foreign folder:
// writes a one-paragraph PDF to argv[2] and prints where the font was found.
import { writeFileSync } from 'node:fs';
import { cjkFontPath, renderPdf } from '../../../electron/core/modules/package/pdf';

renderPdf('字体检查', [{ type: 'paragraph', text: '湖北示例职业技术学院申报表' }]).then(
  (bytes) => {
    writeFileSync(process.argv[2], bytes);
    process.stdout.write(cjkFontPath());
  },
  (error: unknown) => {
    process.stderr.write(String(error));
    process.exit(1);
  },
);
