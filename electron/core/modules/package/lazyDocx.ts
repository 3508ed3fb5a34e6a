import type { Block } from './content';

/**
 * `renderDocx` of docx.ts, which loads with the first Word document rather than with the core:
 * the docx library takes ~0.5 s to load, which the core's start (and so the app's) would wait for.
 */
export async function renderDocx(title: string, blocks: readonly Block[]): Promise<Buffer> {
  const { renderDocx: render } = await import('./docx');
  return render(title, blocks);
}
