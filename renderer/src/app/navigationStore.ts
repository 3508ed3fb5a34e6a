import { create } from 'zustand';
import { features } from './features';

function keyFromHash(): string {
  const key = window.location.hash.replace(/^#\/?/, '');
  return features.some((f) => f.key === key) ? key : features[0].key;
}

interface NavigationState {
  current: string;
  go(key: string): void;
}

/** The current page, mirrored in the URL hash so reload and back/forward keep it. */
export const useNavigation = create<NavigationState>((set) => {
  window.addEventListener('hashchange', () => set({ current: keyFromHash() }));
  return {
    current: keyFromHash(),
    go(key) {
      window.location.hash = `/${key}`;
      set({ current: key });
    },
  };
});
