import type { StatusKind } from '../../model/types';

/** The catalogue key of a status's word (the data stores the kind, the interface says it). */
export function statusKey(kind: StatusKind): 'status.confirmed' | 'status.claimed' | 'status.disputed' {
  return `status.${kind}`;
}
