import type { ExamSiteVerdict } from '../domain/examSites';
import type { Verdict } from '../domain/verdict';
import type { ImportFieldInfo, ImportRowError } from './imports';
import type { Usage } from './usage';

/** Error codes that cross the host boundary. The message is always Chinese and fit to show a user. */
export const errorCodes = [
  'VALIDATION',
  'UNKNOWN_HANDLER',
  'FORBIDDEN',
  'NOT_FOUND',
  'DB_NEWER_VERSION',
  'DB_OPEN_FAILED',
  'INTERNAL',
  'CONFLICT',
  'BAD_FILE',
  'DB_CORRUPT',
  'IN_USE',
  /** The action needs the user's explicit confirmation; repeat it with the flag the message names. */
  'NEEDS_CONFIRMATION',
  /** Long work stopped because the user cancelled it; nothing was saved. */
  'CANCELLED',
  /** The request was larger than the host accepts (web host: HTTP 413); nothing was read. */
  'TOO_LARGE',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

/** One field-level problem: `path` is the field's dotted path in the input, e.g. `contactPhone`. */
export interface FieldIssue {
  path: string;
  message: string;
}

/**
 * The next step the user can take, named by the page in its own words (the core does not know
 * the renderer's button and page labels, so its message describes the step without naming them).
 */
export const errorHints = [
  /** A submitted weekly report is locked: start a correction (a new version) instead. */
  'weeklyCorrection',
  /** Weekly reports are not set up yet: fill in the pilot start date in the weekly settings. */
  'weeklySettings',
  /** The export failed the self-check: export again, choosing the draft export. */
  'exportDraft',
  /** Required import columns are missing: name them in the header or map them by hand. */
  'importColumnMapping',
] as const;
export type ErrorHint = (typeof errorHints)[number];

/** What any error may carry: the fields to mark in the form and the next step to suggest. */
export interface CommonDetails {
  fields?: FieldIssue[];
  hint?: ErrorHint;
}

/** One project that failed the self-check, in an export that was refused until confirmed. */
export interface FailingProject {
  id: number;
  certificateName: string;
  year: number;
  verdicts: Verdict[];
}

/** The details each code carries beyond the common ones; every field is optional per call site. */
export interface ErrorDetailsByCode {
  VALIDATION: {
    /** Import: required columns the header lacks. */
    missingFields?: ImportFieldInfo[];
    /** Import: the first row problems of a file that cannot be saved whole. */
    rowErrors?: ImportRowError[];
  };
  UNKNOWN_HANDLER: object;
  FORBIDDEN: object;
  NOT_FOUND: { id?: string; uploadId?: string };
  DB_NEWER_VERSION: { file: string; found: number; supported: number };
  DB_OPEN_FAILED: { file: string };
  INTERNAL: object;
  CONFLICT: {
    /** The record that already holds the unique value. */
    existingId?: number;
    existingLinkId?: number;
    /** A sign-up over the batch's capacity. */
    capacity?: number;
    active?: number;
    adding?: number;
    over?: number;
    /** Sign-ups whose status cannot change. */
    refused?: number;
    /** The file row (1-based, as Excel shows it) that clashes. */
    rowNumber?: number;
    /** An upload chunk at the wrong offset. */
    expected?: number;
    given?: number;
  };
  BAD_FILE: {
    file?: string;
    sheetNames?: string[];
    /** A text file mixing encodings: the first line numbers (1-based) in each. */
    utf8Lines?: number[];
    gbkLines?: number[];
    rowNumber?: number;
    /** An upload whose bytes do not add up to its declared size. */
    size?: number;
    end?: number;
    received?: number;
  };
  DB_CORRUPT: { file: string; problems: string[] };
  IN_USE: { usage?: Usage };
  NEEDS_CONFIRMATION: {
    /** Project status: the failing self-check verdicts. */
    verdicts?: Verdict[];
    /** Sign-ups: what the notice advises against, and how many would be added or skipped. */
    warnings?: string[];
    adding?: number;
    skipped?: number;
    /** Package export: the projects whose self-check fails. */
    failing?: FailingProject[];
    /** Batch save: the place is not an approved 考核站点 of the certificate on the exam date. */
    examSite?: ExamSiteVerdict;
  };
  CANCELLED: object;
  TOO_LARGE: object;
}

export type ErrorDetails<C extends ErrorCode = ErrorCode> = C extends ErrorCode
  ? CommonDetails & ErrorDetailsByCode[C]
  : never;

/** One error, its `details` typed by its `code`: narrow on `code` to read a code's fields. */
export type PilotErrorShape = {
  [C in ErrorCode]: { code: C; message: string; details?: ErrorDetails<C> };
}[ErrorCode];

/** What every host returns for one call: never a thrown error across the boundary. */
export type Envelope<T> = { ok: true; data: T } | { ok: false; error: PilotErrorShape };
