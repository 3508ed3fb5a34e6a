/**
 * A batch's place as every view and export names it, defined once: the linked 实训室's or
 * 实习实训场所's current name, else the typed text (which also keeps a deleted place's name).
 * `batchPlaceJoins(b)` joins the place tables to the exam_batches alias `b`; select
 * `batchPlaceName(b)` with them.
 */
export const batchPlaceJoins = (b: string) => `
  LEFT JOIN training_rooms ${b}_room ON ${b}_room.id = ${b}.room_id
  LEFT JOIN training_sites ${b}_site ON ${b}_site.id = ${b}.site_id`;

export const batchPlaceName = (b: string) =>
  `coalesce(${b}_room.name, ${b}_site.name, ${b}.site_text)`;
