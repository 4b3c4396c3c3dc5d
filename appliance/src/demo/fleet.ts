/** The demo site's Jump Clients: varied hostnames, comments, tags, addresses, OS and status. */
import type { NewJumpItem } from '../domain/ports.js';

type Fleet = Omit<NewJumpItem, 'groupId'> & { group: 'servers' | 'workstations' | 'branch' | 'network' };

const d = (daysAgo: number, h = 9) => new Date(Date.UTC(2026, 10, 20 - daysAgo, h, 15)).toISOString();

export const DEMO_GROUPS = [
  { key: 'servers', name: 'Data Center Servers', code: 'dc-servers' },
  { key: 'workstations', name: 'HQ Workstations', code: 'hq-workstations' },
  { key: 'branch', name: 'Branch Offices', code: 'branch-offices' },
  { key: 'network', name: 'Network Devices', code: 'network' },
] as const;

export const DEMO_FLEET: Fleet[] = [
  { group: 'servers', name: 'DC01 – Domain Controller', method: 'pinned', hostname: 'dc01.corp.example', comments: 'Primary domain controller', tag: 'critical', publicIp: '203.0.113.10', privateIp: '10.0.0.10', os: 'windows', status: 'active', lastAccessedAt: d(1) },
  { group: 'servers', name: 'DC02 – Domain Controller', method: 'pinned', hostname: 'dc02.corp.example', comments: 'Secondary domain controller', tag: 'critical', publicIp: '203.0.113.11', privateIp: '10.0.0.11', os: 'windows', status: 'active', lastAccessedAt: d(6) },
  { group: 'servers', name: 'SQL-PROD-01', method: 'pinned', hostname: 'sql-prod-01.corp.example', comments: 'ERP database, maintenance window Sun 02:00', tag: 'database', publicIp: '203.0.113.20', privateIp: '10.0.1.20', os: 'windows', status: 'active', lastAccessedAt: d(2) },
  { group: 'servers', name: 'FILE-SRV-02', method: 'pinned', hostname: 'file-srv-02.corp.example', comments: 'Department shares', tag: 'storage', publicIp: '203.0.113.21', privateIp: '10.0.1.21', os: 'windows', status: 'offline', lastAccessedAt: d(14) },
  { group: 'servers', name: 'web-01 (nginx)', method: 'pinned', hostname: 'web-01.corp.example', comments: 'Intranet web front end', tag: 'web', publicIp: '203.0.113.30', privateIp: '10.0.2.30', os: 'linux', status: 'active', lastAccessedAt: d(3) },
  { group: 'servers', name: 'build-agent-07', method: 'pinned', hostname: 'build-07.corp.example', comments: 'CI runner, Debian 12', tag: 'devops', publicIp: '203.0.113.31', privateIp: '10.0.2.37', os: 'linux', status: 'unusable', lastAccessedAt: d(30) },
  { group: 'servers', name: 'TS-01 Terminal Server', method: 'rdp', hostname: 'ts-01.corp.example', comments: 'Remote Desktop Services host', tag: 'rds', publicIp: '203.0.113.40', privateIp: '10.0.3.40', os: 'windows', status: 'active', lastAccessedAt: d(4) },
  { group: 'workstations', name: 'WS-042 Reception', method: 'pinned', hostname: 'ws-042.corp.example', comments: 'Front desk PC, at its login screen', tag: 'reception', publicIp: '198.51.100.42', privateIp: '10.1.0.42', os: 'windows', status: 'active', lastAccessedAt: d(0) },
  { group: 'workstations', name: 'WS-107 Finance – M. Keller', method: 'pinned', hostname: 'ws-107.corp.example', comments: 'Finance, two monitors', tag: 'finance', publicIp: '198.51.100.107', privateIp: '10.1.0.107', os: 'windows', status: 'active', lastAccessedAt: d(1) },
  { group: 'workstations', name: 'WS-115 Finance – J. Novak', method: 'pinned', hostname: 'ws-115.corp.example', comments: 'Finance', tag: 'finance', publicIp: '198.51.100.115', privateIp: '10.1.0.115', os: 'windows', status: 'offline', lastAccessedAt: d(9) },
  { group: 'workstations', name: 'MAC-DESIGN-03', method: 'pinned', hostname: 'mac-design-03.corp.example', comments: 'Marketing design studio', tag: 'marketing', publicIp: '198.51.100.63', privateIp: '10.1.1.63', os: 'macos', status: 'active', lastAccessedAt: d(2) },
  { group: 'workstations', name: 'MAC-DESIGN-04', method: 'pinned', hostname: 'mac-design-04.corp.example', comments: 'Marketing design studio', tag: 'marketing', publicIp: '198.51.100.64', privateIp: '10.1.1.64', os: 'macos', status: 'offline', lastAccessedAt: d(21) },
  { group: 'workstations', name: 'LT-HR-12 (laptop)', method: 'pinned', hostname: 'lt-hr-12.corp.example', comments: 'HR laptop, often off-site', tag: 'hr', publicIp: '192.0.2.12', privateIp: '10.1.2.12', os: 'windows', status: 'active', lastAccessedAt: d(5) },
  { group: 'workstations', name: 'DEV-UBUNTU-21', method: 'pinned', hostname: 'dev-ubuntu-21.corp.example', comments: 'Developer workstation', tag: 'devops', publicIp: '198.51.100.121', privateIp: '10.1.3.21', os: 'linux', status: 'active', lastAccessedAt: d(1) },
  { group: 'workstations', name: 'Kiosk-Lobby', method: 'local_push', hostname: 'kiosk-lobby.corp.example', comments: 'Visitor check-in kiosk', tag: 'kiosk', publicIp: '198.51.100.9', privateIp: '10.1.0.9', os: 'windows', status: 'active', lastAccessedAt: null },
  { group: 'branch', name: 'LYON-POS-01', method: 'pinned', hostname: 'lyon-pos-01.branch.example', comments: 'Point of sale, Lyon store', tag: 'pos', publicIp: '192.0.2.101', privateIp: '10.20.0.11', os: 'windows', status: 'active', lastAccessedAt: d(3) },
  { group: 'branch', name: 'LYON-BACKOFFICE', method: 'pinned', hostname: 'lyon-bo.branch.example', comments: 'Lyon back office PC', tag: 'branch', publicIp: '192.0.2.102', privateIp: '10.20.0.20', os: 'windows', status: 'offline', lastAccessedAt: d(12) },
  { group: 'branch', name: 'MUENCHEN-POS-02', method: 'pinned', hostname: 'muc-pos-02.branch.example', comments: 'Kasse 2, Filiale München', tag: 'pos', publicIp: '192.0.2.121', privateIp: '10.30.0.12', os: 'windows', status: 'active', lastAccessedAt: d(2) },
  { group: 'branch', name: 'MUENCHEN-IPAD-LAGER', method: 'pinned', hostname: 'muc-ipad-lager', comments: 'Warehouse inventory iPad', tag: 'mobile', publicIp: '192.0.2.130', privateIp: '10.30.1.30', os: 'ios', status: 'active', lastAccessedAt: d(7) },
  { group: 'branch', name: 'Field tablet FT-88', method: 'pinned', hostname: 'ft-88', comments: 'Field service Android tablet', tag: 'mobile', publicIp: '192.0.2.188', privateIp: '10.40.0.88', os: 'android', status: 'offline', lastAccessedAt: d(16) },
  { group: 'branch', name: 'Remote Jump – Lyon subnet', method: 'push', hostname: '10.20.0.0/24 via JP-LYON', comments: 'Jumpoint JP-LYON', tag: 'jumpoint', publicIp: '', privateIp: '10.20.0.1', os: 'windows', status: 'active', lastAccessedAt: d(10) },
  { group: 'network', name: 'core-sw-01', method: 'shelljump', hostname: 'core-sw-01.net.example', comments: 'Core switch, SSH', tag: 'network', publicIp: '', privateIp: '10.0.255.1', os: 'linux', status: 'active', lastAccessedAt: d(8) },
  { group: 'network', name: 'fw-edge-01', method: 'shelljump', hostname: 'fw-edge-01.net.example', comments: 'Edge firewall, SSH', tag: 'network', publicIp: '203.0.113.1', privateIp: '10.0.255.254', os: 'linux', status: 'active', lastAccessedAt: d(11) },
  { group: 'network', name: 'VNC – Lab scope', method: 'vnc', hostname: 'lab-scope-01.corp.example', comments: 'Oscilloscope in the lab', tag: 'lab', publicIp: '', privateIp: '10.5.0.50', os: 'linux', status: 'unusable', lastAccessedAt: null },
];
