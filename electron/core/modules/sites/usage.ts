/** A site's usage is a place's, as a room's: one definition in rooms/usage.ts. */
export { releaseSite, siteUsage } from '../rooms/usage';
