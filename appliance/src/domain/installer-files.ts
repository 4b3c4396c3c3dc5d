/**
 * The files behind /download/jump-client/<key>/…: where the vendor serves an EXE, this site serves
 * scripts that run this project's real Jump Client agent (`rep-appliance jump-client`), and, where
 * msitools' wixl is installed, an MSI built from the WiX source below. Pure text: building and
 * serving them is http/jump-client-downloads.ts's business.
 *
 * The agent is found, in this order: $REP_APPLIANCE (the path to bin/rep-appliance.js in a Rep
 * Console checkout, after `npm run build`); the checkout this site runs from, when the script runs
 * on the same kind of system (for a trainer's laptop, or tests); `rep-appliance` on the PATH (after
 * `npm link` in a checkout). Options after the script's name (`--allow-path DIR`) go to the agent.
 */
import { installerFileName, installerFlags, quotePosix, quoteWindows, type InstallerCommandOptions } from './installer-command-line.js';

export interface InstallerFileOptions extends InstallerCommandOptions {
  expiresAt: string;
  massDeploy: boolean;
  /** bin/rep-appliance.js of the checkout this site runs from, baked in as a fallback; null for none. */
  agentPath: string | null;
  /** The Node.js that runs this site, used when `node` is not on the PATH; null for none. */
  nodePath: string | null;
}

/** The product name the MSI installs under (and its registry key). */
export const JUMP_CLIENT_PRODUCT = 'Rep Jump Client';
/** The MSI's UpgradeCode: a newer Jump Client installer replaces an older one. */
export const JUMP_CLIENT_UPGRADE_CODE = '3D7B0F52-6A1C-4E8B-9C2D-5F4E3A2B1C60';
/** Where the MSI records its properties (KEY_INFO, jc_*, INSTALLDIR) for the installed .cmd to read. */
export const JUMP_CLIENT_REGISTRY_KEY = 'Software\\Rep Jump Client';

const usage = (o: InstallerFileOptions): string => (o.massDeploy ? 'any number of computers (mass deployment)' : 'one computer');

/** `rep-jump-client-<key>.sh`: registers this computer with the site and keeps the Jump Client connected. */
export function shellScript(o: InstallerFileOptions): string {
  const args = ['--site', o.siteUrl, '--key', o.key, ...installerFlags(o).flat()].map(quotePosix).join(' ');
  const baked = o.agentPath
    ? [
        `  if [ -f ${quotePosix(o.agentPath)} ]; then`,
        o.nodePath ? `    command -v node >/dev/null 2>&1 && exec node ${quotePosix(o.agentPath)} "$@"` : null,
        `    exec ${o.nodePath ? quotePosix(o.nodePath) : 'node'} ${quotePosix(o.agentPath)} "$@"`,
        '  fi',
      ].filter((l): l is string => l !== null)
    : [];
  return [
    '#!/bin/sh',
    `# Rep Console Jump Client for ${o.siteUrl}`,
    `# Installer ${installerFileName(o.key, 'sh')}: valid until ${o.expiresAt}, for ${usage(o)}.`,
    '#',
    '# Runs the Jump Client agent, `rep-appliance jump-client` (Node.js 20 or later): the first start',
    '# registers this computer with the site, then it stays connected until stopped. It looks for the agent',
    '# at $REP_APPLIANCE (bin/rep-appliance.js of a Rep Console checkout, after `npm run build`),',
    o.agentPath ? `# then at ${o.agentPath.replace(/[\r\n]/g, ' ')} (where the site runs from),` : null,
    '# then as rep-appliance on the PATH (`npm link` in a checkout).',
    '# Options after this script\'s name go to the agent, e.g. `sh rep-jump-client-….sh --allow-path /srv`.',
    'set -eu',
    '',
    'agent() {',
    '  if [ -n "${REP_APPLIANCE:-}" ]; then exec node "$REP_APPLIANCE" "$@"; fi',
    ...baked,
    '  if command -v rep-appliance >/dev/null 2>&1; then exec rep-appliance "$@"; fi',
    '  echo "rep-jump-client: the Jump Client agent was not found. Set REP_APPLIANCE to bin/rep-appliance.js of a Rep Console checkout, or put rep-appliance on the PATH." >&2',
    '  exit 127',
    '}',
    '',
    `agent jump-client ${args} "$@"`,
    '',
  ]
    .filter((l): l is string => l !== null)
    .join('\n');
}

/** A value for `set "NAME=…"` that is later used as `"%NAME%"`: quoted for the Windows parser, % doubled for batch. */
const batchValue = (value: string): string => {
  const quoted = quoteWindows(value);
  const inner = quoted.startsWith('"') ? quoted.slice(1, -1) : quoted;
  return inner.replace(/%/g, '%%');
};

/**
 * `rep-jump-client-<key>.cmd` (and, with `registry`, the copy the MSI installs, which takes the
 * values msiexec recorded under HKCU\Software\Rep Jump Client: KEY_INFO, jc_jump_group, jc_tag,
 * jc_comments and INSTALLDIR given on its command line win over the installer's own).
 */
export function cmdScript(o: InstallerFileOptions, opts: { registry?: boolean } = {}): string {
  const vars: [string, string][] = [
    ['SITE', o.siteUrl],
    ['KEY', o.key],
    ['JC_INSTALL_DIR', o.installDir ?? ''],
    ['JC_JUMP_GROUP', o.jumpGroup ?? ''],
    ['JC_TAG', o.tag],
    ['JC_COMMENTS', o.comments],
  ];
  // Only a Windows path of the site's own checkout is any use to a Windows computer.
  const agentPath = o.agentPath && /^[A-Za-z]:\\/.test(o.agentPath) ? o.agentPath.replace(/%/g, '%%') : null;
  const lines = [
    '@echo off',
    `rem Rep Console Jump Client for ${o.siteUrl}`,
    `rem Installer ${installerFileName(o.key, 'cmd')}: valid until ${o.expiresAt}, for ${usage(o)}.`,
    'rem',
    'rem Runs the Jump Client agent, rep-appliance jump-client (Node.js 20 or later): the first start',
    'rem registers this computer with the site, then it stays connected until stopped. It looks for the',
    'rem agent named by the REP_APPLIANCE environment variable (bin\\rep-appliance.js of a Rep Console',
    'rem checkout, after npm run build),',
    'rem then as rep-appliance on the PATH (npm link in a checkout).',
    'rem Options after this file\'s name go to the agent, e.g. rep-jump-client.cmd --allow-path D:\\Shares',
    'setlocal',
    ...vars.map(([name, value]) => (value ? `set "${name}=${batchValue(value)}"` : `set "${name}="`)),
  ];
  if (opts.registry) {
    lines.push(
      'rem Installed by the MSI: msiexec recorded its properties here (values with double quotes are not supported).',
      `set "REGKEY=HKCU\\${JUMP_CLIENT_REGISTRY_KEY}"`,
      'reg query "%REGKEY%" /v KeyInfo >nul 2>&1 || goto args',
      'call :read KeyInfo KEY',
      'call :read JumpGroup JC_JUMP_GROUP',
      'call :read Tag JC_TAG',
      'call :read Comments JC_COMMENTS',
      'call :read InstallDir JC_INSTALL_DIR',
      'rem [INSTALLDIR] ends with a backslash, which would escape the closing quote.',
      'if defined JC_INSTALL_DIR if "%JC_INSTALL_DIR:~-1%"=="\\" set "JC_INSTALL_DIR=%JC_INSTALL_DIR:~0,-1%"',
      ':args',
    );
  }
  lines.push(
    'set ARGS=--site "%SITE%" --key "%KEY%"',
    'if defined JC_INSTALL_DIR set ARGS=%ARGS% --install-dir "%JC_INSTALL_DIR%"',
    'if defined JC_JUMP_GROUP set ARGS=%ARGS% --jc-jump-group "%JC_JUMP_GROUP%"',
    'if defined JC_TAG set ARGS=%ARGS% --jc-tag "%JC_TAG%"',
    'if defined JC_COMMENTS set ARGS=%ARGS% --jc-comments "%JC_COMMENTS%"',
    'set "AGENT="',
    'if defined REP_APPLIANCE set AGENT=node "%REP_APPLIANCE%"',
    ...(agentPath ? [`if not defined AGENT if exist "${agentPath}" set AGENT=node "${agentPath}"`] : []),
    'if not defined AGENT (where rep-appliance >nul 2>&1 && set "AGENT=rep-appliance")',
    'if not defined AGENT goto missing',
    '%AGENT% jump-client %ARGS% %*',
    'exit /b %ERRORLEVEL%',
    ':missing',
    'echo rep-jump-client: the Jump Client agent was not found. Set REP_APPLIANCE to bin\\rep-appliance.js of a Rep Console checkout, or put rep-appliance on the PATH. 1>&2',
    'exit /b 9009',
  );
  if (opts.registry) {
    lines.push(
      'rem :read NAME VARIABLE - one REG_SZ value of %REGKEY% (empty when missing).',
      ':read',
      'set "%2="',
      'for /f "skip=2 tokens=2,*" %%A in (\'reg query "%REGKEY%" /v %1 2^>nul\') do set "%2=%%B"',
      'exit /b 0',
    );
  }
  // cmd.exe reads batch files best with CRLF line ends.
  return lines.join('\r\n') + '\r\n';
}

/** installer.json, next to the .cmd the MSI installs: the installer's own settings, for people and tools. */
export function installerJson(o: InstallerFileOptions): string {
  return (
    JSON.stringify(
      {
        site: o.siteUrl,
        keyInfo: o.key,
        jumpGroup: o.jumpGroup,
        tag: o.tag,
        comments: o.comments,
        installDir: o.installDir,
        expiresAt: o.expiresAt,
        massDeploy: o.massDeploy,
      },
      null,
      2,
    ) + '\n'
  );
}

const xml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * WiX v3 source of the Jump Client MSI (per user: %LocalAppData%\Programs\Rep Jump Client): the
 * .cmd (`cmdFile`) and installer.json (`jsonFile`) in INSTALLDIR; KEY_INFO, jc_jump_group, jc_tag,
 * jc_comments default to the installer's values and are recorded with INSTALLDIR under
 * HKCU\Software\Rep Jump Client; the Run key starts the Jump Client when the user logs on.
 */
export function jumpClientWxs(o: InstallerFileOptions & { version: string; cmdFile: string; jsonFile: string }): string {
  const props: [string, string][] = [['KEY_INFO', o.key]];
  for (const [flag, value] of installerFlags(o)) if (flag !== '--install-dir') props.push([flag.replace(/^-+/, '').replace(/-/g, '_'), value]);
  const reg = (name: string, value: string, keyPath = false) =>
    `          <RegistryValue Root="HKCU" Key="${xml(JUMP_CLIENT_REGISTRY_KEY)}" Name="${name}" Type="string" Value="${xml(value)}"${keyPath ? ' KeyPath="yes"' : ''} />`;
  const setDir = o.installDir
    ? [
        `    <CustomAction Id="DefaultInstallDir" Property="INSTALLDIR" Value="${xml(o.installDir)}" />`,
        '    <InstallExecuteSequence><Custom Action="DefaultInstallDir" Sequence="51">NOT INSTALLDIR</Custom></InstallExecuteSequence>',
        '    <InstallUISequence><Custom Action="DefaultInstallDir" Sequence="51">NOT INSTALLDIR</Custom></InstallUISequence>',
      ]
    : [];
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<!-- ${JUMP_CLIENT_PRODUCT} for ${xml(o.siteUrl).replace(/--/g, '- -')}: generated by the appliance for one installer. -->`,
    '<Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">',
    `  <Product Id="*" Name="${JUMP_CLIENT_PRODUCT}" Language="1033" Version="${xml(o.version)}" Manufacturer="Rep Console contributors" UpgradeCode="{${JUMP_CLIENT_UPGRADE_CODE}}">`,
    `    <Package InstallerVersion="500" Compressed="yes" InstallScope="perUser" Description="${JUMP_CLIENT_PRODUCT}" Comments="Jump Client for ${xml(o.siteUrl)}, installer valid until ${xml(o.expiresAt)}" />`,
    '    <Media Id="1" Cabinet="jumpclient.cab" EmbedCab="yes" />',
    `    <MajorUpgrade DowngradeErrorMessage="A newer ${JUMP_CLIENT_PRODUCT} is already installed." />`,
    ...props.map(([id, value]) => `    <Property Id="${id}" Value="${xml(value)}" />`),
    '    <Property Id="ARPNOMODIFY" Value="1" />',
    ...setDir,
    '    <Directory Id="TARGETDIR" Name="SourceDir">',
    '      <Directory Id="LocalAppDataFolder">',
    '        <Directory Id="UserProgramsFolder" Name="Programs">',
    `          <Directory Id="INSTALLDIR" Name="${JUMP_CLIENT_PRODUCT}" />`,
    '        </Directory>',
    '      </Directory>',
    '    </Directory>',
    '    <DirectoryRef Id="INSTALLDIR">',
    '      <Component Id="JumpClient" Guid="{8E5C1A4B-2F3D-4B6E-A7C8-9D0E1F2A3B4C}" Win64="yes">',
    `        <File Id="RunnerCmd" Name="rep-jump-client.cmd" Source="${xml(o.cmdFile)}" />`,
    `        <File Id="InstallerJson" Name="installer.json" Source="${xml(o.jsonFile)}" />`,
    reg('Site', o.siteUrl, true),
    reg('KeyInfo', '[KEY_INFO]'),
    reg('JumpGroup', '[jc_jump_group]'),
    reg('Tag', '[jc_tag]'),
    reg('Comments', '[jc_comments]'),
    reg('InstallDir', '[INSTALLDIR]'),
    `        <RegistryValue Root="HKCU" Key="Software\\Microsoft\\Windows\\CurrentVersion\\Run" Name="${JUMP_CLIENT_PRODUCT}" Type="string" Value="&quot;[INSTALLDIR]rep-jump-client.cmd&quot;" />`,
    '        <RemoveFolder Id="RemoveInstallDir" On="uninstall" />',
    '      </Component>',
    '    </DirectoryRef>',
    '    <DirectoryRef Id="UserProgramsFolder">',
    '      <Component Id="ProgramsFolder" Guid="{1A2B3C4D-5E6F-4A7B-8C9D-0E1F2A3B4C5D}" Win64="yes">',
    '        <RemoveFolder Id="RemoveProgramsFolder" On="uninstall" />',
    `        <RegistryValue Root="HKCU" Key="${xml(JUMP_CLIENT_REGISTRY_KEY)}" Name="Installed" Type="integer" Value="1" KeyPath="yes" />`,
    '      </Component>',
    '    </DirectoryRef>',
    `    <Feature Id="JumpClient" Title="${JUMP_CLIENT_PRODUCT}" Level="1">`,
    '      <ComponentRef Id="JumpClient" />',
    '      <ComponentRef Id="ProgramsFolder" />',
    '    </Feature>',
    '  </Product>',
    '</Wix>',
    '',
  ].join('\n');
}
