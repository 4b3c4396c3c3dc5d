import { describe, expect, it } from 'vitest';
import type { EndpointSystemInfo } from '../../../../../appliance/src/protocol/index.js';
import { categories, categoryCsv, categoryText, formatBytes, formatUptime } from './categories.js';

const base: EndpointSystemInfo = {
  hostname: 'WS-107',
  os: { platform: 'windows', distro: 'Microsoft Windows 10 Pro', release: '10.0.19045', arch: 'x64' },
  cpu: { model: 'Intel(R) Core(TM) i7', cores: 8 },
  memory: { totalBytes: 16 * 1024 ** 3, freeBytes: 4 * 1024 ** 3 },
  user: 'mkeller',
  uptimeSeconds: 3 * 86_400 + 4_211,
  network: [{ iface: 'Ethernet', ip4: '10.1.0.107', mac: '52:54:00:3a:1c:07' }],
  disks: [{ mount: 'C:', sizeBytes: 512 * 1024 ** 3, usedBytes: 211 * 1024 ** 3 }],
};

describe('System Info categories', () => {
  it('follow the OS and leave out what the endpoint did not report', () => {
    const win = categories({ ...base, services: [{ name: 'Spooler', running: true, startup: 'Automatic' }] });
    expect(win.map((c) => c.label)).toEqual(['System', 'Operating System', 'Processors', 'Memory', 'Drives', 'Network', 'Services']);
    const mac = categories({ ...base, os: { ...base.os, platform: 'macos' }, services: [{ name: 'com.apple.Finder', running: true, startup: 'launchd' }], processes: [{ pid: 1, name: 'launchd', user: 'root', cpuPercent: 0.1, memBytes: 1024 }] });
    expect(mac.map((c) => c.label)).toContain('Launch Daemons');
    expect(mac.map((c) => c.label)).toContain('Disks');
    expect(mac.map((c) => c.label)).toContain('Processes');
  });

  it('render text and CSV', () => {
    const [system] = categories(base);
    expect(categoryText(system!)).toMatch(/Computer name +WS-107/);
    const drives = categories(base).find((c) => c.id === 'disks')!;
    expect(categoryCsv(drives)).toBe('Drive,File system,Device,Size,Used,Free,Used %\r\nC:,,,512 GB,211 GB,301 GB,41 %\r\n');
    expect(categoryCsv({ id: 'x', label: 'x', columns: ['a'], rows: [['he said "hi", then']], properties: false })).toBe('a\r\n"he said ""hi"", then"\r\n');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatUptime(3 * 86_400 + 4_211)).toBe('3 days 1 h 10 min');
  });
});
