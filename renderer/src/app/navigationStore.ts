import { create } from 'zustand';
import { hasUnsavedEdits, useUnsavedEdits } from './unsavedEdits';

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

const pathOf = (route: Route) => (route.sub ? `${route.current}/${route.sub}` : route.current);

interface NavigationState extends Route {
  /**
   * Goes to `key` or `key/sub…`, asking first when an editor holds unsaved edits (`force` when
   * the page itself has just saved them).
   */
  go(path: string, options?: { force?: boolean }): void;
}

/**
 * The current page (and where inside it), mirrored in the URL hash so reload and back/forward
 * keep it. It knows no page list, so any page can import it without an import cycle.
 */
export const useNavigation = create<NavigationState>((set, get) => {
  const navigate = (path: string) => {
    window.location.hash = `/${path}`;
    set(routeFromHash());
  };
  const askThenGo = async (path: string) => {
    if (await useUnsavedEdits.getState().ask()) navigate(path);
  };
  window.addEventListener('hashchange', () => {
    const target = routeFromHash();
    const here = get();
    if (pathOf(target) === pathOf(here)) return;
    if (!hasUnsavedEdits()) return set(target);
    // The browser's back/forward over unsaved edits: stay put until the person has answered.
    window.location.hash = `/${pathOf(here)}`;
    void askThenGo(pathOf(target));
  });
  return {
    ...routeFromHash(),
    go(path, options) {
      if (options?.force || !hasUnsavedEdits()) return navigate(path);
      void askThenGo(path);
    },
  };
});
