/**
 * The notice's numeric conditions. Other provinces set other values, so they are settings with
 * these defaults (鄂教职成办〔2020〕1号, 二（一）1).
 */
export interface PilotThresholds {
  /** 双师型 teachers as a share of the project's teachers, in whole percent: at least this. */
  dualQualifiedPercent: number;
  /** Full-time teachers able to teach independently: at least this many. */
  minIndependentFullTimeTeachers: number;
}

export const defaultThresholds: PilotThresholds = {
  dualQualifiedPercent: 30,
  minIndependentFullTimeTeachers: 10,
};
