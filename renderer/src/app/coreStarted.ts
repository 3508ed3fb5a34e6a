import { createContext, useContext } from 'react';

/**
 * Whether the core has given its first answer (system.info, which also says whether the data
 * file needs the recovery screen). Until then the frame paints without its page, banners and
 * reminders, so nothing on screen stands for data that has not arrived.
 */
export const CoreStarted = createContext(true);

export const useCoreStarted = () => useContext(CoreStarted);
