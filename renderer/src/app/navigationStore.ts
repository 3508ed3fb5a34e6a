import { Modal } from 'antd';
import { create } from 'zustand';
import { t } from '../i18n';

interface Route {
  /** The page key, e.g. `projects`; the frame falls back to the first page when unknown. */
  current: string;
  /** What follows the key, e.g. `12/teachers` in `#/projects/12/teachers`. */
  sub: string;
}

function routeFromHash(): Route {
  const [current = '', ...rest] = window.location.hash.replace(/^#\/?/, '').split('/');
  return { current, sub: rest.join('/') };
}

interface NavigationState extends Route {
  /** Set by a page with unsaved edits: leaving it asks first. */
  leaveWarning: string | null;
  setLeaveWarning(message: string | null): void;
  /**
   * Goes to `key` or `key/sub…`, asking first when the page has unsaved edits (`force` when
   * the page itself has just saved them).
   */
  go(path: string, options?: { force?: boolean }): void;
}

/**
 * The current page (and where inside it), mirrored in the URL hash so reload and back/forward
 * keep it. It knows no page list, so any page can import it without an import cycle.
 */
export const useNavigation = create<NavigationState>((set, get) => {
  window.addEventListener('hashchange', () => set(routeFromHash()));
  window.addEventListener('beforeunload', (event) => {
    if (get().leaveWarning) event.preventDefault();
  });
  const navigate = (path: string) => {
    set({ leaveWarning: null });
    window.location.hash = `/${path}`;
    set(routeFromHash());
  };
  return {
    ...routeFromHash(),
    leaveWarning: null,
    setLeaveWarning: (leaveWarning) => set({ leaveWarning }),
    go(path, options) {
      const warning = get().leaveWarning;
      if (!warning || options?.force) return navigate(path);
      Modal.confirm({
        title: warning,
        content: t.common.leaveConfirm,
        okText: t.common.leave,
        cancelText: t.common.stay,
        onOk: () => navigate(path),
      });
    },
  };
});
