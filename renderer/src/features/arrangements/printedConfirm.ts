import { t } from '../../i18n';

/** How a change of seats or numbers asks once admission tickets were printed. */
export const printedConfirm = {
  title: t.arrangements.run.printedTitle,
  okText: t.arrangements.run.printedOk,
  danger: true,
};
