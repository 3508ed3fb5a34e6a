/**
 * The house style of every document the app writes, after GB/T 9704 (Chinese official
 * documents) where it fits a form: A4, the standard's margins, black only, page numbers
 * “— 1 —” centred at the foot. Both renderers (PDF and Word) read these figures.
 */

/** A4 and its margins, in millimetres (GB/T 9704: 37 top, 35 bottom, 28 left, 26 right). */
export const PAGE_MM = { width: 210, height: 297, top: 37, bottom: 35, left: 28, right: 26 };
/** The page number's baseline sits this far below the text area (GB/T 9704: about 7 mm). */
export const PAGE_NUMBER_GAP_MM = 7;

/** Font sizes in points, by the Chinese 字号 names forms use. */
export const SIZE_PT = {
  /** 一号: the cover's title. */
  cover: 26,
  /** 二号: a document's title. */
  title: 22,
  /** 三号: section headings, the cover's lines, 附件 labels. */
  heading: 16,
  /** 四号: headings within a section, body text, page numbers. */
  body: 14,
  /** 五号: table cells. */
  table: 10.5,
};

/** Line spacing as a multiple of the font size (body text and headings). */
export const LINE_SPACING = 1.5;

export const pageNumberText = (n: number) => `— ${n} —`;
