/** The console protocol: imported by the appliance and the renderer alike. */
export * from './errors.js';
export * from './envelope.js';
export * from './models.js';
export * from './messages.js';
export * from './session-models.js';
export * from './customer-messages.js';
export * from './agent-messages.js';
export * from './shell-messages.js';
export * from './shell-frames.js';
export * from './elevation-models.js';
export * from './support-button-models.js';
export * from './elevation-messages.js';
export * from './inject-messages.js';
export * from './brcs/index.js';
export * from './jump-consent.js';
export * from './file-messages.js';
export * from './system-lines.js';
