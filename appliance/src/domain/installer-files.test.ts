/** The downloadable installer files: the .sh really runs the agent with the installer's arguments; the .cmd and the WiX source say the right things. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cmdScript, installerJson, jumpClientWxs, shellScript, type InstallerFileOptions } from './installer-files.js';

const KEY = 'abcdefghijklmnopqrstuvwxyz234567abcdefghijklmnop';
const o: InstallerFileOptions = {
  siteUrl: 'http://127.0.0.1:8080',
  key: KEY,
  installDir: '/tmp/rep jc',
  jumpGroup: 'jumpgroup:dc-servers',
  tag: `it's "web"`,
  comments: 'Rack 4 & 50% $HOME `x`',
  expiresAt: '2026-03-02T10:00:00.000Z',
  massDeploy: true,
  agentPath: null,
  nodePath: null,
};

const dir = mkdtempSync(join(tmpdir(), 'rep-installer-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the .sh', () => {
  it('runs the agent named by REP_APPLIANCE with exactly the installer’s arguments, then the extra ones', () => {
    const script = join(dir, 'jc.sh');
    writeFileSync(script, shellScript(o));
    // A stand-in for bin/rep-appliance.js that prints what it was given.
    const fake = join(dir, 'fake-agent.mjs');
    writeFileSync(fake, 'console.log(JSON.stringify(process.argv.slice(2)));\n');
    const out = execFileSync('sh', [script, '--allow-path', '/srv'], { env: { ...process.env, REP_APPLIANCE: fake }, encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual([
      'jump-client',
      '--site', 'http://127.0.0.1:8080',
      '--key', KEY,
      '--install-dir', '/tmp/rep jc',
      '--jc-jump-group', 'jumpgroup:dc-servers',
      '--jc-tag', `it's "web"`,
      '--jc-comments', 'Rack 4 & 50% $HOME `x`',
      '--allow-path', '/srv',
    ]);
  });

  it('falls back to the site’s own checkout, and says what to do when there is no agent at all', () => {
    const fake = join(dir, 'checkout-agent.mjs');
    writeFileSync(fake, 'console.log("checkout agent", process.argv.length);\n');
    const script = join(dir, 'jc2.sh');
    writeFileSync(script, shellScript({ ...o, agentPath: fake, nodePath: process.execPath }));
    const env = { ...process.env, REP_APPLIANCE: '' };
    expect(execFileSync('sh', [script], { env, encoding: 'utf8' })).toContain('checkout agent');

    writeFileSync(script, shellScript({ ...o, agentPath: join(dir, 'missing.js') }));
    let stderr = '';
    try {
      execFileSync('sh', [script], { env: { ...env, PATH: '/usr/bin:/bin' }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (e) {
      stderr = String((e as { stderr: string }).stderr);
      expect((e as { status: number }).status).toBe(127);
    }
    expect(stderr).toContain('the Jump Client agent was not found');
  });
});

describe('the .cmd', () => {
  const cmd = cmdScript({ ...o, installDir: 'C:\\Program Files\\Rep\\' });

  it('has CRLF line ends and sets each value for a quoted "%NAME%": quotes doubled, % doubled, trailing backslash doubled', () => {
    expect(cmd.split('\r\n').length).toBeGreaterThan(10);
    expect(cmd.replace(/\r\n/g, '')).not.toContain('\n');
    expect(cmd).toContain(`set "KEY=${KEY}"`);
    expect(cmd).toContain('set "JC_INSTALL_DIR=C:\\Program Files\\Rep\\\\"');
    expect(cmd).toContain(`set "JC_TAG=it's ""web"""`);
    expect(cmd).toContain('set "JC_COMMENTS=Rack 4 & 50%% $HOME `x`"');
    expect(cmd).toContain('if defined JC_TAG set ARGS=%ARGS% --jc-tag "%JC_TAG%"');
    expect(cmd).toContain('%AGENT% jump-client %ARGS% %*');
    // The download reads no registry; the MSI's copy does.
    expect(cmd).not.toContain('reg query');
    expect(cmdScript(o, { registry: true })).toContain('reg query "%REGKEY%" /v KeyInfo');
  });

  it('an empty setting is no flag', () => {
    const bare = cmdScript({ ...o, installDir: null, jumpGroup: null, tag: '', comments: '' });
    expect(bare).toContain('set "JC_TAG="');
    expect(bare).toContain('set "JC_JUMP_GROUP="');
  });
});

describe('the MSI source', () => {
  const wxs = jumpClientWxs({ ...o, installDir: 'D:\\Rep', version: '0.1.0', cmdFile: 'a.cmd', jsonFile: 'b.json' });

  it('defaults KEY_INFO and the jc_ properties to the installer’s, records them for the .cmd, and installs the .cmd and installer.json', () => {
    expect(wxs).toContain(`<Property Id="KEY_INFO" Value="${KEY}" />`);
    expect(wxs).toContain('<Property Id="jc_jump_group" Value="jumpgroup:dc-servers" />');
    expect(wxs).toContain(`<Property Id="jc_tag" Value="it's &quot;web&quot;" />`);
    expect(wxs).toContain('<Property Id="jc_comments" Value="Rack 4 &amp; 50% $HOME `x`" />');
    expect(wxs).toContain('Name="KeyInfo" Type="string" Value="[KEY_INFO]"');
    expect(wxs).toContain('Name="InstallDir" Type="string" Value="[INSTALLDIR]"');
    expect(wxs).toContain('<File Id="RunnerCmd" Name="rep-jump-client.cmd" Source="a.cmd" />');
    expect(wxs).toContain('<File Id="InstallerJson" Name="installer.json" Source="b.json" />');
    expect(wxs).toContain('<CustomAction Id="DefaultInstallDir" Property="INSTALLDIR" Value="D:\\Rep" />');
  });

  it('installer.json holds the site, the key and the defaults', () => {
    expect(JSON.parse(installerJson(o))).toMatchObject({ site: o.siteUrl, keyInfo: KEY, jumpGroup: 'jumpgroup:dc-servers', tag: o.tag, massDeploy: true });
  });
});
