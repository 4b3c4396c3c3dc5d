/** The appliance's public entry: the only module src-main (and other embedders) may import. */
export { createAppliance, isLoopback, type Appliance, type ApplianceOptions } from './bootstrap.js';
export { VERSION } from './version.js';
