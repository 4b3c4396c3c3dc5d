import { describe, expect, it } from 'vitest';
import { msg } from './fixtures.js';
import { customerWording, endingText, hadRepresentative, joinedName, lastMessageId, lastRepName, mergeMessages } from './messages.js';
import { line, type SystemLineKey } from '../../../appliance/src/protocol/index.js';
import { setLanguage } from '../../lib/i18n/index.svelte.js';

describe('mergeMessages', () => {
  it('keeps one copy per id, in id order, whatever order they arrive in', () => {
    const a = msg(5, 'rep', 'hello');
    const b = msg(7, 'customer', 'hi');
    const c = msg(6, 'system', 'Ana Lopez joined the session.');
    const merged = mergeMessages([a, b], [c, b, a]);
    expect(merged.map((m) => m.id)).toEqual([5, 6, 7]);
  });

  it('returns the same array when nothing is new (no re-render for an echo already shown)', () => {
    const known = [msg(1, 'rep', 'x')];
    expect(mergeMessages(known, [msg(1, 'rep', 'x')])).toBe(known);
    expect(mergeMessages(known, [])).toBe(known);
  });

  it('never shows a reps-only line', () => {
    const secret = { ...msg(2, 'rep', 'internal note'), audience: 'reps' as const };
    expect(mergeMessages([], [secret])).toEqual([]);
  });

  it('knows the highest id', () => {
    expect(lastMessageId([])).toBe(0);
    expect(lastMessageId([msg(3, 'rep', 'a'), msg(9, 'rep', 'b')])).toBe(9);
  });
});

describe('the appliance’s narration in the customer’s words', () => {
  const said = (key: SystemLineKey, args: Record<string, string | number> = {}) => {
    const l = line(key, args);
    return customerWording({ body: `(English of ${key})`, line: l });
  };

  it('speaks to the customer about what they did', () => {
    expect(said('prompt.allowed', { kind: 'screen_view' })).toBe('You allowed the request to view your screen.');
    expect(said('customer.left')).toBe('You left the session.');
    expect(said('session.ended', { name: 'Ana Lopez' })).toBe('Ana Lopez ended the session.');
    expect(said('elevation.fullClient')).toBe('You are now running the full customer client.');
  });

  it('an announcement without its card (after a reload) is history: who asked for what', () => {
    expect(said('prompt.asked', { name: 'Ana Lopez', kind: 'screen_view' })).toBe('Ana Lopez asked to view your screen.');
  });

  it('leaves out lines about the customer’s own reconnects', () => {
    expect(said('customer.reconnected')).toBeNull();
  });

  it('speaks French to a French customer', async () => {
    await setLanguage('fr-FR');
    try {
      expect(said('prompt.refused', { kind: 'command_shell' })).toBe('Vous avez refusé la demande : ouvrir un shell de commande sur votre ordinateur.');
      expect(said('member.joined', { name: 'Ana Lopez' })).toBe('Ana Lopez a rejoint la session.');
      expect(endingText('left')).toBe('Vous avez quitté la session.');
    } finally {
      await setLanguage('en-US');
    }
  });

  it('a line of an unknown key shows the appliance’s English', () => {
    expect(customerWording({ body: 'Something new happened.', line: { key: 'future.thing', args: {} } })).toBe('Something new happened.');
  });

  it('lines written before lines had keys are reworded from their English', () => {
    expect(customerWording({ body: 'The customer allowed the request to view your screen.' })).toBe('You allowed the request to view your screen.');
    expect(customerWording({ body: 'Ana Lopez is requesting to view your screen. Waiting on the customer to respond to the prompt.' })).toBe('Ana Lopez asked to view your screen.');
    expect(customerWording({ body: 'The customer reconnected.' })).toBeNull();
  });
});

describe('representatives in the conversation', () => {
  it('reads the join line', () => {
    expect(joinedName(msg(1, 'system', 'Ana Lopez joined the session.'))).toBe('Ana Lopez');
    expect(joinedName(msg(1, 'rep', 'Ana Lopez joined the session.'))).toBeNull();
    expect(joinedName(msg(1, 'system', 'Ana Lopez left the session.'))).toBeNull();
    expect(joinedName({ ...msg(1, 'system', 'Ana Lopez a rejoint la session.'), line: line('member.joined', { name: 'Ana Lopez' }) })).toBe('Ana Lopez');
    expect(joinedName({ ...msg(1, 'system', 'Ana Lopez joined the session.'), line: line('member.left', { name: 'Ana Lopez' }) })).toBeNull();
  });

  it('a rep wrote or joined: the conversation had a representative', () => {
    expect(hadRepresentative([msg(1, 'customer', 'anyone?')])).toBe(false);
    expect(hadRepresentative([msg(1, 'customer', 'anyone?'), msg(2, 'system', 'Ben joined the session.')])).toBe(true);
    expect(hadRepresentative([msg(1, 'rep', 'hello')])).toBe(true);
  });

  it('names the last representative', () => {
    expect(lastRepName([])).toBeNull();
    expect(lastRepName([msg(1, 'system', 'Ben Walker joined the session.'), msg(2, 'customer', 'hi')])).toBe('Ben Walker');
    expect(lastRepName([msg(1, 'system', 'Ben Walker joined the session.'), msg(2, 'rep', 'hi')])).toBe('Ana Lopez');
  });
});
