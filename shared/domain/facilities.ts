/** Training rooms (实训室) and internship/training sites (实习实训场所). */
export const campusKinds = ['on', 'off'] as const;
export type CampusKind = (typeof campusKinds)[number];

export const campusLabels: Record<CampusKind, string> = { on: '校内', off: '校外' };

export interface EquipmentLine {
  quantity: number;
  unitValueFen: number;
}

/** Value of one equipment line in fen: quantity × unit value, exact in integers. */
export function lineValueFen(line: EquipmentLine): number {
  return line.quantity * line.unitValueFen;
}

/** Total value of a room's equipment list in fen. */
export function equipmentTotalFen(lines: readonly EquipmentLine[]): number {
  return lines.reduce((sum, line) => sum + lineValueFen(line), 0);
}

/** Areas are kept in m² with at most two decimals (0.01 m²). */
export function hasAtMostTwoDecimals(value: number): boolean {
  return Number.isFinite(value) && Math.abs(value * 100 - Math.round(value * 100)) < 1e-6;
}
