/** A field a person can type or choose in: not hidden, not disabled. */
const FIELD = 'input:not([type="hidden"]):not(:disabled), textarea:not(:disabled)';

/**
 * For an antd Modal's or Drawer's `afterOpenChange`: puts the caret in the first field of the
 * form named `formName` (antd gives the form that id) once the dialog has opened, so typing
 * starts at once — unless a field already has it (clicked while the dialog was opening). A
 * field's own `autoFocus` cannot do this: it runs while the dialog is still hidden, and the
 * dialog then focuses its own frame.
 */
export function focusFirstField(formName: string): (open: boolean) => void {
  return (open) => {
    const form = document.getElementById(formName);
    if (open && form && !form.contains(document.activeElement)) {
      form.querySelector<HTMLElement>(FIELD)?.focus();
    }
  };
}
