import { useEffect } from 'react';
import { useNavigation } from '../app/navigationStore';

/** While `dirty`, leaving the page (sidebar, links, reload) asks first. */
export function useLeaveWarning(dirty: boolean, message: string): void {
  const setLeaveWarning = useNavigation((s) => s.setLeaveWarning);
  useEffect(() => {
    setLeaveWarning(dirty ? message : null);
    return () => setLeaveWarning(null);
  }, [dirty, message, setLeaveWarning]);
}
