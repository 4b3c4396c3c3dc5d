/** BRCS scripts and the client scripting command catalogue (FORMATS.md §BRCS, §Client scripting API). */
export {
  BRCS_ACTIONS,
  BRCS_LIMITS,
  CLIENT_CRITERIA,
  CUSTOM_PREFIX,
  LOGIN_MECHANISMS,
  BrcsCommand,
  BrcsCustomFields,
  BrcsGenerateSessionKey,
  BrcsLogin,
  BrcsPushAndStartLocal,
  BrcsPushAndStartRemote,
  BrcsStartJumpItemSession,
  BrcsStartShellJumpSession,
  brcsParamNames,
  isBrcsAction,
  readBrcsCommand,
  takesCustomFields,
  type BrcsAction,
  type BrcsCommandInput,
  type BrcsCommandOf,
  type ReadCommandResult,
} from './commands.js';
export { interpretBrcs, type BrcsExecutor, type InterpretResult } from './interpret.js';
export { describeJumpCriteria, jumpListSearchFor, matchJumpItems, matchesJumpCriteria, type JumpCriteria } from './jump-criteria.js';
export { PercentError, percentDecode, percentEncode } from './percent.js';
export {
  BRCS_VERSION,
  BrcsError,
  DEFAULT_SITE_SHORT_NAME,
  brcsFileName,
  encodeCommandLine,
  generateBrcs,
  parseBrcs,
  parseCommandLine,
  type BrcsWarning,
  type LocatedCommand,
  type ParseBrcsResult,
} from './script.js';
export { WEB_CONSOLE_SCRIPT_KEY, readWebConsoleScript, webConsoleScriptUrl, type WebConsoleScript } from './web-console.js';
