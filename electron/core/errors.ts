import type {
  ErrorCode,
  ErrorDetails,
  FieldIssue,
  PilotErrorShape,
} from '../../shared/contract/errors';

/**
 * An error the core raises on purpose: its message is Chinese and shown to the user as is; its
 * details are typed by its code.
 */
export class CoreError<C extends ErrorCode = ErrorCode> extends Error {
  readonly code: C;
  readonly details: ErrorDetails<C> | undefined;

  constructor(code: C, message: string, details?: ErrorDetails<C>) {
    super(message);
    this.name = 'CoreError';
    this.code = code;
    this.details = details;
  }

  toShape(): PilotErrorShape {
    // TypeScript cannot follow `C` into the union member; the constructor tied code to details.
    return (
      this.details === undefined
        ? { code: this.code, message: this.message }
        : { code: this.code, message: this.message, details: this.details }
    ) as PilotErrorShape;
  }
}

export function validationError(fields: FieldIssue[]): CoreError<'VALIDATION'> {
  // Field messages name the field in Chinese already; paths stay in details for the form.
  const summary = fields.map((f) => f.message).join('；');
  return new CoreError('VALIDATION', `输入有误，未保存。${summary}`, { fields });
}
