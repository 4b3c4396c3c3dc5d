/**
 * After a restart (a crash included) nobody is connected yet, and the grace timers of the previous
 * process are gone. Every open session therefore starts over as if both sides had just dropped: its
 * reps get their grace period ("… lost the connection; waiting for them to reconnect…") and its
 * customer gets the grace period to come back. Whoever reconnects in time carries on; a session whose
 * customer never returns ends with "The customer disconnected and did not return." instead of staying
 * open forever. Jump sessions have no customer: JumpSessions.resume() looks after their endpoint.
 */
import type { RepConnectionLoss } from './connection-loss.js';
import type { CustomerService } from './customers.js';

export function armGraceAfterRestart(
  parties: { customerSessions: readonly string[]; repIds: readonly number[] },
  customers: Pick<CustomerService, 'awaitFirstConnection'>,
  reps: Pick<RepConnectionLoss, 'dropped'>,
): { sessions: number; reps: number } {
  for (const id of parties.customerSessions) customers.awaitFirstConnection(id);
  for (const id of parties.repIds) reps.dropped(id);
  return { sessions: parties.customerSessions.length, reps: parties.repIds.length };
}
