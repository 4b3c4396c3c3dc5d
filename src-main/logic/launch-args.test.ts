import { describe, expect, it } from 'vitest';
import { findLaunchTargets, isBrcsFileName, isConsoleUrl } from './launch-args.js';

describe('launch targets', () => {
  it('finds .brcs-<site> files and rep-console: URLs, skipping the executable, app path and switches', () => {
    const argv = [
      '/opt/Rep Console/rep-console',
      '/work/main/out/main/index.js',
      '--allow-file-access-from-files',
      '--some-switch=/tmp/x.brcs-demo',
      '/home/ana/Downloads/session.brcs-demo_site',
      'rep-console://open?site=demo',
    ];
    expect(findLaunchTargets(argv)).toEqual([
      { kind: 'brcs-file', path: '/home/ana/Downloads/session.brcs-demo_site' },
      { kind: 'url', url: 'rep-console://open?site=demo' },
    ]);
  });

  it('recognises Windows paths and mixed-case schemes', () => {
    expect(findLaunchTargets(['C:\\Users\\ana\\Downloads\\x.brcs-demo'])).toEqual([{ kind: 'brcs-file', path: 'C:\\Users\\ana\\Downloads\\x.brcs-demo' }]);
    expect(isConsoleUrl('REP-CONSOLE:open')).toBe(true);
  });

  it('ignores look-alikes', () => {
    expect(isBrcsFileName('notes.brcs')).toBe(false);
    expect(isBrcsFileName('x.brcs-')).toBe(false);
    expect(isBrcsFileName('x.brcs-demo/evil')).toBe(false);
    expect(isConsoleUrl('https://rep-console.example')).toBe(false);
    expect(findLaunchTargets([])).toEqual([]);
  });
});
