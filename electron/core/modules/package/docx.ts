import type { Block } from './content';

/**
 * A Word document of these blocks in the house style (see docxLayout.ts). The docx library is
 * loaded with the first document, not with the core: each core thread would carry it from start.
 */
export async function renderDocx(title: string, blocks: readonly Block[]): Promise<Buffer> {
  const layout = await import('./docxLayout');
  return layout.renderDocx(title, blocks);
}
