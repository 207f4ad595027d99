// The one way code outside src/db opens an interactive transaction: the callback gets the transaction client and
// passes it to its module's repository functions (docs/architecture.md).
import type { Db, DbTx } from './client.ts';

/** `db.$transaction(fn, options)`: the statements `fn` makes through `tx` commit together or not at all. */
export function inTransaction<T>(db: Pick<Db, '$transaction'>, fn: (tx: DbTx) => Promise<T>, options?: { timeout?: number }): Promise<T> {
  return options ? db.$transaction(fn, options) : db.$transaction(fn);
}
