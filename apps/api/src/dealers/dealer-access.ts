import { Actor, ActorRole } from '@crm/kernel';
import { DealerError, DealerErrorCode } from '@crm/nurture';

const MANAGERS: readonly ActorRole[] = ['manager', 'admin'];

/**
 * A dealer is its own managers' and admins' to read and change: another dealer's id answers as a missing one
 * (404, before anything else), another role of the same dealer is forbidden (403).
 */
export function assertManagesDealer(actor: Actor, dealerId: string): void {
  if (actor.dealerId !== dealerId) throw new DealerError(DealerErrorCode.DealerNotFound, 'No dealer with this id');
  if (!MANAGERS.includes(actor.role)) {
    throw new DealerError(DealerErrorCode.DealerAccessForbidden, 'Only a manager or an admin of the dealer may do this');
  }
}
