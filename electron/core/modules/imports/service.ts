import type { CoreServices } from '../../context';
import type { HandlersFor } from '../../handlers';

/**
 * 取消 for every spreadsheet import: the previews, commits and problem rows of io/importer.ts run
 * as tasks under the page's task id, as package exports do (package.cancel).
 */
export function importsHandlers(services: CoreServices): HandlersFor<'imports.cancel'> {
  return {
    'imports.cancel': ({ taskId }) => ({ cancelled: services.importTasks.cancel(taskId) }),
  };
}
