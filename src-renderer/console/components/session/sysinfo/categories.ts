/**
 * System Info as the tool shows it: the endpoint's report split into categories appropriate to its OS
 * (Drives on Windows, Disks elsewhere; Launch Daemons on macOS), each a table, plus plain-text and
 * CSV renderings for Copy and Save. Categories without data (an older agent, a phone) are left out.
 */
import type { EndpointSystemInfo } from '../../../../../appliance/src/protocol/index.js';

export interface Category {
  id: string;
  label: string;
  columns: string[];
  rows: string[][];
  /** Two columns of property / value rather than a list of items. */
  properties: boolean;
}

export function formatBytes(n: number): string {
  if (!Number.isFinite(n) || n < 0) return '';
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let i = 0;
  let v = n;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return i === 0 ? `${v} bytes` : `${v.toFixed(v >= 100 ? 0 : 1)} ${units[i]}`;
}

export function formatUptime(seconds: number): string {
  const d = Math.floor(seconds / 86_400);
  const h = Math.floor((seconds % 86_400) / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  return [d ? `${d} day${d === 1 ? '' : 's'}` : '', h ? `${h} h` : '', `${m} min`].filter(Boolean).join(' ');
}

const OS_NAMES = { windows: 'Windows', macos: 'macOS', linux: 'Linux', ios: 'iOS', android: 'Android' } as const;

const props = (id: string, label: string, pairs: [string, string | number | undefined | null][]): Category => ({
  id,
  label,
  columns: ['Property', 'Value'],
  rows: pairs.filter(([, v]) => v !== undefined && v !== null && v !== '').map(([k, v]) => [k, String(v)]),
  properties: true,
});

const list = (id: string, label: string, columns: string[], rows: string[][]): Category => ({ id, label, columns, rows, properties: false });

export function categories(info: EndpointSystemInfo): Category[] {
  const win = info.os.platform === 'windows';
  const mac = info.os.platform === 'macos';
  const out: Category[] = [
    props('system', 'System', [
      ['Computer name', info.hostname],
      ['Manufacturer', info.system?.manufacturer],
      ['Model', info.system?.model],
      ['Serial number', info.system?.serial],
      ['BIOS', info.system?.bios],
      ['Logged-in user', info.user ?? '(at the login screen)'],
      ['Time zone', info.timezone],
      ['Up time', formatUptime(info.uptimeSeconds)],
    ]),
    props('os', 'Operating System', [
      ['Name', info.os.distro],
      ['Platform', OS_NAMES[info.os.platform]],
      [win ? 'Version' : 'Kernel', info.os.release],
      ['Architecture', info.os.arch],
    ]),
    props('cpu', 'Processors', [
      ['Processor', info.cpu.model],
      ['Cores', info.cpu.cores],
      ['Logical processors', info.cpuDetails?.threads],
      ['Speed', info.cpuDetails?.speedGHz ? `${info.cpuDetails.speedGHz} GHz` : undefined],
      ['Load', info.cpuDetails?.loadPercent !== undefined ? `${info.cpuDetails.loadPercent} %` : undefined],
    ]),
    props('memory', 'Memory', [
      ['Total', formatBytes(info.memory.totalBytes)],
      ['Available', formatBytes(info.memory.freeBytes)],
      ['In use', formatBytes(info.memory.totalBytes - info.memory.freeBytes)],
      [win ? 'Page file' : 'Swap', info.swap ? formatBytes(info.swap.totalBytes) : undefined],
      [win ? 'Page file free' : 'Swap free', info.swap ? formatBytes(info.swap.freeBytes) : undefined],
    ]),
  ];
  if (info.disks.length) {
    const detail = new Map((info.diskDetails ?? []).map((d) => [d.mount, d]));
    out.push(
      list('disks', win ? 'Drives' : 'Disks', [win ? 'Drive' : 'Mount point', 'File system', 'Device', 'Size', 'Used', 'Free', 'Used %'], info.disks.map((d) => [
        d.mount,
        detail.get(d.mount)?.fsType ?? '',
        detail.get(d.mount)?.device ?? '',
        formatBytes(d.sizeBytes),
        formatBytes(d.usedBytes),
        formatBytes(d.sizeBytes - d.usedBytes),
        d.sizeBytes ? `${Math.round((d.usedBytes / d.sizeBytes) * 100)} %` : '',
      ])),
    );
  }
  if (info.network.length || info.networkDetails?.length) {
    const detail = new Map((info.networkDetails ?? []).map((n) => [n.iface, n]));
    const names = [...new Set([...info.network.map((n) => n.iface), ...detail.keys()])];
    out.push(
      list('network', 'Network', ['Interface', 'IPv4 address', 'IPv6 address', 'MAC address', 'Speed', 'Status'], names.map((iface) => {
        const n = info.network.find((x) => x.iface === iface);
        const d = detail.get(iface);
        return [iface, n?.ip4 ?? '', d?.ip6 ?? '', n?.mac ?? '', d?.speedMbps ? `${d.speedMbps} Mbps` : '', d ? (d.up ? 'Up' : 'Down') : ''];
      })),
    );
  }
  if (info.processes?.length) {
    out.push(list('processes', 'Processes', ['PID', 'Name', 'User', 'CPU %', 'Memory'], info.processes.map((p) => [String(p.pid), p.name, p.user, p.cpuPercent.toFixed(1), formatBytes(p.memBytes)])));
  }
  if (info.services?.length) {
    out.push(list('services', mac ? 'Launch Daemons' : 'Services', ['Name', 'Status', 'Startup'], info.services.map((s) => [s.name, s.running ? 'Running' : 'Stopped', s.startup])));
  }
  if (info.users?.length) {
    out.push(list('users', 'Users', ['User', win ? 'Session' : 'Terminal', 'Logged in'], info.users.map((u) => [u.name, u.terminal, u.loggedInAt])));
  }
  return out;
}

/** One category as aligned plain text (what Copy puts on the clipboard). */
export function categoryText(c: Category): string {
  const widths = c.columns.map((h, i) => Math.max(h.length, ...c.rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((v, i) => (i === cells.length - 1 ? v : v.padEnd(widths[i]!))).join('  ').trimEnd();
  const body = c.properties ? c.rows.map(line) : [line(c.columns), line(widths.map((w) => '-'.repeat(w))), ...c.rows.map(line)];
  return [c.label, '='.repeat(c.label.length), ...body].join('\n');
}

/** The whole report as text (Save as text). */
export function reportText(info: EndpointSystemInfo, at: Date): string {
  return [`System Information — ${info.hostname} — ${at.toISOString()}`, '', ...categories(info).map((c) => categoryText(c) + '\n')].join('\n');
}

/** One category as CSV (RFC 4180 quoting). */
export function categoryCsv(c: Category): string {
  const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [c.columns, ...c.rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
