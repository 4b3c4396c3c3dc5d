/**
 * Synthetic but consistent system information for the demo fleet: the same machine answers the same
 * way every time (values derive from its hostname), and what it says agrees with its shell (hostname,
 * user, IP address) and its Jump Item (OS). Servers are bigger, run server services and stay up longer.
 */
import type { EndpointSystemInfo } from '../protocol/index.js';
import { shortHostname, type EmulatedMachine } from './emulated-shell.js';

const GIB = 1024 ** 3;

/** A small deterministic generator seeded by the hostname. */
function seeded(text: string): () => number {
  let h = 2166136261;
  for (const c of text) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  return () => {
    h = (Math.imul(h ^ (h >>> 15), 2246822507) + 0x6d2b79f5) >>> 0;
    return (h % 10_000) / 10_000;
  };
}

const WINDOWS_SERVICES: [string, boolean, string][] = [
  ['AudioSrv', true, 'Automatic'], ['BITS', false, 'Manual'], ['Dhcp', true, 'Automatic'], ['Dnscache', true, 'Automatic'],
  ['EventLog', true, 'Automatic'], ['LanmanServer', true, 'Automatic'], ['LanmanWorkstation', true, 'Automatic'], ['MpsSvc', true, 'Automatic'],
  ['Spooler', true, 'Automatic'], ['W32Time', true, 'Manual'], ['WinDefend', true, 'Automatic'], ['WinRM', false, 'Manual'],
  ['wuauserv', false, 'Manual'], ['BeyondTrustJumpClient', true, 'Automatic'],
];
const WINDOWS_SERVER_SERVICES: [string, boolean, string][] = [['NTDS', true, 'Automatic'], ['DNS', true, 'Automatic'], ['MSSQLSERVER', true, 'Automatic'], ['W3SVC', false, 'Manual']];
const LINUX_SERVICES: [string, boolean, string][] = [
  ['cron.service', true, 'enabled'], ['dbus.service', true, 'static'], ['rsyslog.service', true, 'enabled'], ['ssh.service', true, 'enabled'],
  ['systemd-journald.service', true, 'static'], ['systemd-timesyncd.service', true, 'enabled'], ['unattended-upgrades.service', false, 'enabled'],
  ['bomgar-jump-client.service', true, 'enabled'],
];
const MAC_SERVICES: [string, boolean, string][] = [
  ['com.apple.Finder', true, 'launchd'], ['com.apple.bluetoothd', true, 'launchd'], ['com.apple.mDNSResponder', true, 'launchd'],
  ['com.apple.softwareupdated', false, 'launchd'], ['com.bomgar.bomgar-scc', true, 'launchd'],
];

const PROCESSES: Record<EmulatedMachine['os'], string[]> = {
  windows: ['System', 'smss.exe', 'csrss.exe', 'wininit.exe', 'services.exe', 'lsass.exe', 'svchost.exe', 'svchost.exe', 'spoolsv.exe', 'explorer.exe', 'MsMpEng.exe', 'OUTLOOK.EXE', 'msedge.exe', 'bomgar-scc.exe'],
  linux: ['systemd', 'kthreadd', 'systemd-journald', 'cron', 'sshd', 'rsyslogd', 'nginx', 'nginx', 'bash', 'bomgar-scc'],
  macos: ['launchd', 'kernel_task', 'WindowServer', 'Finder', 'Dock', 'mds', 'Safari', 'Adobe Photoshop 2025', 'bomgar-scc'],
  ios: ['SpringBoard', 'backboardd'],
  android: ['init', 'zygote64', 'system_server', 'com.android.systemui'],
};

/** What an emulated machine reports in System Info. */
export function emulatedSystemInfo(m: EmulatedMachine & { present?: boolean }): EndpointSystemInfo {
  const rnd = seeded(m.hostname);
  const server = m.present === false && m.user !== null;
  const distro = { windows: server ? 'Microsoft Windows Server 2022 Standard' : 'Microsoft Windows 10 Pro', macos: 'macOS Sonoma', linux: 'Debian GNU/Linux 12 (bookworm)', ios: 'iPadOS', android: 'Android' }[m.os];
  const release = { windows: server ? '10.0.20348' : '10.0.19045', macos: '14.6.1', linux: '6.1.0-26-amd64', ios: '17.6', android: '14' }[m.os];
  const arm = m.os === 'macos' || m.os === 'ios' || m.os === 'android';
  const cores = server ? 16 : 8;
  const totalMem = (server ? 64 : 16) * GIB;
  const freeMem = Math.round(totalMem * (0.25 + rnd() * 0.3));
  const mac = `52:54:00:${[rnd(), rnd(), rnd()].map((x) => Math.floor(x * 256).toString(16).padStart(2, '0')).join(':')}`;
  const iface = m.os === 'windows' ? 'Ethernet' : m.os === 'macos' ? 'en0' : 'eth0';
  const diskSize = (server ? 1024 : 512) * GIB;
  const user = m.user ?? (m.os === 'windows' ? 'SYSTEM' : 'root');
  const procUser = (name: string) => (/^(System|smss|csrss|wininit|services|lsass|svchost|spoolsv|MsMpEng|systemd|kthreadd|cron|sshd|rsyslogd|launchd|kernel_task|init)/.test(name) ? (m.os === 'windows' ? 'SYSTEM' : 'root') : user);
  const services = m.os === 'windows' ? [...WINDOWS_SERVICES, ...(server ? WINDOWS_SERVER_SERVICES : [])] : m.os === 'linux' ? LINUX_SERVICES : m.os === 'macos' ? MAC_SERVICES : [];
  const bootedSecondsAgo = (server ? 40 : 3) * 86_400 + Math.floor(rnd() * 80_000);
  return {
    hostname: shortHostname(m),
    os: { platform: m.os, distro, release, arch: arm ? 'arm64' : 'x64' },
    cpu: { model: m.os === 'macos' ? 'Apple M2' : server ? 'Intel(R) Xeon(R) Silver 4314 CPU @ 2.40GHz' : 'Intel(R) Core(TM) i7-1165G7 @ 2.80GHz', cores },
    memory: { totalBytes: totalMem, freeBytes: freeMem },
    user: m.user,
    uptimeSeconds: bootedSecondsAgo,
    network: [{ iface, ip4: m.privateIp, mac }],
    disks: [{ mount: m.os === 'windows' ? 'C:' : '/', sizeBytes: diskSize, usedBytes: Math.round(diskSize * (0.3 + rnd() * 0.4)) }],
    system: {
      manufacturer: m.os === 'macos' ? 'Apple Inc.' : server ? 'Dell Inc.' : 'LENOVO',
      model: m.os === 'macos' ? 'MacBook Pro (14-inch, 2023)' : server ? 'PowerEdge R650' : 'ThinkPad T14 Gen 2',
      serial: `DEMO${Math.floor(rnd() * 1e8).toString(36).toUpperCase().padStart(6, '0')}`,
      bios: m.os === 'macos' ? 'Apple 10151.140.19' : server ? 'Dell 1.10.2' : 'LENOVO N34ET58W (1.58)',
    },
    cpuDetails: { speedGHz: m.os === 'macos' ? 3.5 : server ? 2.4 : 2.8, threads: cores * (m.os === 'macos' ? 1 : 2), loadPercent: Math.round(rnd() * 35 * 10) / 10 },
    swap: { totalBytes: (server ? 8 : 4) * GIB, freeBytes: Math.round((server ? 8 : 4) * GIB * (0.7 + rnd() * 0.3)) },
    timezone: m.hostname.endsWith('branch.example') ? 'Europe/Berlin' : 'Europe/Paris',
    diskDetails: [{ mount: m.os === 'windows' ? 'C:' : '/', fsType: m.os === 'windows' ? 'NTFS' : m.os === 'macos' ? 'apfs' : 'ext4', device: m.os === 'windows' ? '\\\\.\\PHYSICALDRIVE0' : m.os === 'macos' ? '/dev/disk3s1' : '/dev/nvme0n1p2' }],
    networkDetails: [{ iface, ip6: `fe80::5054:ff:fe${mac.slice(-5).replace(':', '')}`, speedMbps: 1000, up: true }],
    processes: PROCESSES[m.os].map((name, i) => ({
      pid: i === 0 ? (m.os === 'windows' ? 4 : 1) : 100 + i * 97 + Math.floor(rnd() * 90),
      name,
      user: procUser(name),
      cpuPercent: Math.round(rnd() * (i > 7 ? 12 : 2) * 10) / 10,
      memBytes: Math.round((2 + rnd() * (i > 7 ? 400 : 60)) * 1024 * 1024),
    })),
    services: services.map(([name, running, startup]) => ({ name, running, startup })),
    users: m.user ? [{ name: m.user, terminal: m.os === 'windows' ? 'console' : m.os === 'macos' ? 'console' : 'tty1', loggedInAt: new Date(new Date().setHours(8, Math.floor(rnd() * 60), 0, 0)).toISOString() }] : [],
  };
}
