import { planSectionLabels, planSections } from '../../../../shared/domain/implementationPlan';
import { PLAN_LABEL } from './attachmentLabels';
import type { PackageData } from './data';

/** A table cell: text, or text that spans rows/columns (cells it covers are left out of later rows). */
export interface Cell {
  text: string;
  rowSpan?: number;
  colSpan?: number;
  /** Table cells are centred, as on printed forms; prose cells go left. */
  align?: 'left' | 'center';
  /** A label cell (学校名称, 合计…): set in the heading face like a header row. */
  label?: boolean;
}

/**
 * A small document model rendered alike to docx and PDF, so both carry the same content. The
 * house style (fonts, margins, page numbers) belongs to the renderers, not to the content.
 */
export type Block =
  /** The form's own first page, unnumbered: title and the filled-in lines under it. */
  | {
      type: 'cover';
      /** 附件一 and the like, at the top left. */
      label?: string;
      title: string;
      note?: string;
      fields: { label: string; value: string }[];
    }
  /** 附件二 and the like, at the top left of an attachment's first page. */
  | { type: 'label'; text: string }
  | { type: 'title'; text: string }
  /** Level 2 is a heading within a section (（一）…). Kept with what follows it. */
  | { type: 'heading'; text: string; level?: 1 | 2 }
  /** `indent`: prose, first line indented two characters. */
  | { type: 'paragraph'; text: string; indent?: boolean }
  /** `header`: how many leading rows are the table's head (repeated on each page; default 1). */
  | { type: 'table'; rows: (string | Cell)[][]; header?: number; widths?: number[] }
  /** Signature and stamp lines at the end, kept together on the last page. */
  | { type: 'signature'; lines: string[] };

export const yesNo = (v: boolean) => (v ? '是' : '否');
export const draftMark = (draft: boolean) => (draft ? '（草稿）' : '');

/** 实施方案: the structured plan of each project, section by section. */
export function implementationPlan(data: PackageData, draft: boolean): Block[] {
  const blocks: Block[] = [
    { type: 'label', text: PLAN_LABEL },
    { type: 'title', text: `${data.school.name}1+X证书制度试点实施方案${draftMark(draft)}` },
  ];
  for (const { project } of data.projects) {
    blocks.push({ type: 'heading', text: `${project.certificateName}（${project.year}年）` });
    planSections.forEach((s, i) => {
      blocks.push({ type: 'heading', level: 2, text: `${i + 1}. ${planSectionLabels[s]}` });
      const text = project.plan[s].trim();
      for (const line of (text === '' ? '（未填写）' : text).split(/\r?\n/)) {
        blocks.push({ type: 'paragraph', indent: true, text: line });
      }
    });
  }
  blocks.push({ type: 'signature', lines: [`${data.school.name}（盖章）`, '年　　月　　日'] });
  return blocks;
}
