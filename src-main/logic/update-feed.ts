/**
 * The update feed's `latest.yml` (electron-updater's generic-provider format, FORMATS.md §Update
 * feed). The appliance serves it (appliance/src/http/desktop-routes.ts); the generator lives there,
 * in appliance/src/domain/update-feed.ts (pure: node:crypto only), and is re-exported
 * here, so the feed the site writes and the one the desktop side tests read are the same code.
 */
export { feedFile, latestYml, type FeedFile, type LatestYml } from '../../appliance/src/domain/update-feed.js';
