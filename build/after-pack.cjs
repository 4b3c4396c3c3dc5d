/**
 * electron-builder afterPack hook (electron-builder.yml `afterPack`): flips the Electron fuses of the
 * packaged binary with @electron/fuses, after it is copied into the app folder and before it is signed.
 *
 * With these fuses the shipped app cannot be turned into a plain Node (ELECTRON_RUN_AS_NODE,
 * NODE_OPTIONS, --inspect / --inspect-brk), loads its code only from its app.asar and checks that
 * asar's integrity (macOS and Windows builds; Linux has no integrity check to turn on), and encrypts
 * its cookies at rest. Every fuse of the wire is named (strictlyRequireAllFuses), so an Electron
 * upgrade that adds one fails the package step until someone decides its value here.
 * Tested by tests/installers/fuses.test.ts (the list, and a flip of a stand-in fuse wire).
 */
'use strict';
const path = require('node:path');

/** Fuse name (@electron/fuses FuseV1Options) → on/off in the shipped binary. */
const FUSES = Object.freeze({
  RunAsNode: false,
  EnableCookieEncryption: true,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  LoadBrowserProcessSpecificV8Snapshot: false,
  GrantFileProtocolExtraPrivileges: false,
});

/** electron-builder's Arch enum values that produce an Apple-silicon slice (arm64, universal). */
const DARWIN_ARM_ARCHES = new Set([3, 4]);

/** The packaged Electron executable (or .app bundle) the fuses live in, per platform. */
function electronBinary(context) {
  const name = context.packager.appInfo.productFilename;
  switch (context.electronPlatformName) {
    case 'darwin':
    case 'mas':
      return path.join(context.appOutDir, `${name}.app`);
    case 'win32':
      return path.join(context.appOutDir, `${name}.exe`);
    default:
      return path.join(context.appOutDir, context.packager.executableName ?? name);
  }
}

/** The @electron/fuses configuration for FUSES. */
function fuseConfig(fuses, context) {
  const { FuseV1Options, FuseVersion } = require('@electron/fuses');
  const config = { version: FuseVersion.V1, strictlyRequireAllFuses: true };
  for (const [name, on] of Object.entries(fuses)) {
    const index = FuseV1Options[name];
    if (typeof index !== 'number') throw new Error(`Unknown Electron fuse ${name}`);
    config[index] = on;
  }
  const darwin = context?.electronPlatformName === 'darwin' || context?.electronPlatformName === 'mas';
  // An unsigned Apple-silicon binary whose bytes change needs its ad-hoc signature renewed to start.
  if (darwin && DARWIN_ARM_ARCHES.has(context.arch)) config.resetAdHocDarwinSignature = true;
  return config;
}

async function afterPack(context) {
  const { flipFuses } = require('@electron/fuses');
  const binary = electronBinary(context);
  await flipFuses(binary, fuseConfig(FUSES, context));
  console.log(`  • electron fuses flipped  file=${path.relative(process.cwd(), binary)}`);
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.FUSES = FUSES;
module.exports.electronBinary = electronBinary;
module.exports.fuseConfig = fuseConfig;
