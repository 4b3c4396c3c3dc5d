import { describe, expect, it } from 'vitest';
import type { JumpItem } from '../models.js';
import { describeJumpCriteria, jumpListSearchFor, matchJumpItems, type JumpCriteria } from './jump-criteria.js';

let nextId = 1;
const item = (over: Partial<JumpItem>): JumpItem => ({
  id: nextId++,
  name: 'item',
  method: 'pinned',
  groupId: 1,
  groupName: 'Servers',
  hostname: '',
  comments: '',
  tag: '',
  publicIp: '',
  privateIp: '',
  os: 'windows',
  status: 'active',
  lastAccessed: null,
  ...over,
});

const dc01 = item({ name: 'DC01', hostname: 'dc01.corp.example', comments: 'Primary domain controller', tag: 'critical', publicIp: '203.0.113.10', privateIp: '10.0.0.10' });
const dc02 = item({ name: 'DC02', hostname: 'dc02.corp.example', comments: 'Secondary domain controller', tag: 'critical', publicIp: '203.0.113.11', privateIp: '10.0.0.11' });
const ts01 = item({ name: 'TS-01', method: 'rdp', hostname: 'ts-01.corp.example', comments: 'Remote Desktop host', tag: 'rds', publicIp: '203.0.113.40', privateIp: '10.0.3.40' });
const sw = item({ name: 'core-sw-01', method: 'shelljump', hostname: 'core-sw-01.net.example', comments: 'Core switch, SSH', tag: 'network', privateIp: '10.0.255.1' });
const ALL = [dc01, dc02, ts01, sw];

const names = (c: JumpCriteria) => matchJumpItems(ALL, c).map((i) => i.name);

describe('matchJumpItems', () => {
  it('search_string matches hostname, comments, public IP or private IP — partial and case-insensitive', () => {
    expect(names({ search_string: 'DC01.CORP' })).toEqual(['DC01']);
    expect(names({ search_string: 'domain CONTROLLER' })).toEqual(['DC01', 'DC02']);
    expect(names({ search_string: '203.0.113.4' })).toEqual(['TS-01']);
    expect(names({ search_string: '10.0.255' })).toEqual(['core-sw-01']);
    expect(names({ search_string: 'corp.example' })).toEqual(['DC01', 'DC02', 'TS-01']);
  });

  it('search_string looks at neither the name nor the tag', () => {
    expect(names({ search_string: 'TS-01' })).toEqual(['TS-01']); // via the hostname
    expect(names({ search_string: 'critical' })).toEqual([]);
  });

  it('client.hostname, client.comments and client.tag apply to every Jump Item', () => {
    expect(names({ 'client.hostname': 'NET.example' })).toEqual(['core-sw-01']);
    expect(names({ 'client.comments': 'desktop' })).toEqual(['TS-01']);
    expect(names({ 'client.tag': 'CRIT' })).toEqual(['DC01', 'DC02']);
  });

  it('client.public_ip and client.private_ip apply to Jump Clients only', () => {
    expect(names({ 'client.private_ip': '10.0.' })).toEqual(['DC01', 'DC02']);
    expect(names({ 'client.public_ip': '203.0.113.4' })).toEqual([]); // TS-01 is not a Jump Client
    expect(names({ 'client.public_ip': '113.11' })).toEqual(['DC02']);
  });

  it('jump.method selects one method exactly', () => {
    expect(names({ 'jump.method': 'rdp', search_string: 'corp' })).toEqual(['TS-01']);
    expect(names({ 'jump.method': 'pinned', search_string: 'corp' })).toEqual(['DC01', 'DC02']);
    expect(names({ 'jump.method': 'vnc', search_string: 'corp' })).toEqual([]);
  });

  it('needs every given criterion to match', () => {
    expect(names({ search_string: 'controller', 'client.tag': 'critical', 'client.private_ip': '.11' })).toEqual(['DC02']);
    expect(names({ search_string: 'controller', 'client.hostname': 'ts-01' })).toEqual([]);
  });

  it('passes credential_id through without narrowing (no item carries a credential yet)', () => {
    expect(names({ search_string: 'dc0', credential_id: '17' })).toEqual(['DC01', 'DC02']);
  });

  it('treats criteria as text, not patterns', () => {
    const odd = item({ name: 'odd', hostname: 'a.*b%_[x]' });
    expect(matchJumpItems([odd, dc01], { search_string: '.*b%_[' }).map((i) => i.name)).toEqual(['odd']);
    expect(matchJumpItems([odd, dc01], { search_string: '.*' })).toHaveLength(1);
  });
});

describe('describeJumpCriteria', () => {
  it('lists the given criteria for the "no match" message', () => {
    expect(describeJumpCriteria({ search_string: 'dc01', 'jump.method': 'pinned', credential_id: '3' })).toBe('search_string "dc01", jump.method "pinned"');
  });
});

describe('jumpListSearchFor', () => {
  it('picks a text criterion the server search can narrow by, ASCII only', () => {
    expect(jumpListSearchFor({ search_string: 'dc01', 'client.tag': 'critical' })).toBe('dc01');
    expect(jumpListSearchFor({ 'jump.method': 'pinned', 'client.tag': 'critical' })).toBe('critical');
    expect(jumpListSearchFor({ search_string: 'München', 'client.private_ip': '10.30.' })).toBe('10.30.');
    expect(jumpListSearchFor({ search_string: 'München' })).toBe('');
    expect(jumpListSearchFor({ 'jump.method': 'pinned', credential_id: '4' })).toBe('');
  });
});
