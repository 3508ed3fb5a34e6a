import type { ErrorCode, FieldIssue, PilotErrorShape } from '../../shared/contract/errors';

/** An error the core raises on purpose: its message is Chinese and shown to the user as is. */
export class CoreError extends Error {
  readonly code: ErrorCode;
  readonly details: PilotErrorShape['details'];

  constructor(code: ErrorCode, message: string, details?: PilotErrorShape['details']) {
    super(message);
    this.name = 'CoreError';
    this.code = code;
    this.details = details;
  }

  toShape(): PilotErrorShape {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export function validationError(fields: FieldIssue[]): CoreError {
  // Field messages name the field in Chinese already; paths stay in details for the form.
  const summary = fields.map((f) => f.message).join('；');
  return new CoreError('VALIDATION', `输入有误，未保存。${summary}`, { fields });
}
