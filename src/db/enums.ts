// The database's enums (prisma/schema.prisma) and the domain's state types (src/core/types.ts) are one list each:
// this file does not compile when a value is added to one and not the other.
import type * as Sqlite from './generated/enums.ts';
import type * as Pg from './generated-pg/enums.ts';
import type {
  AnswerState,
  IndicatorKind,
  ItemKind,
  OutboxKind,
  OutboxStatus,
  PeriodStatus,
  Role,
  SubmissionStatus,
  TaskRole,
  TaskStatus,
  ValueKind,
} from '../core/types.ts';
import type { Locale } from '../core/i18n.ts';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Enum<E> = E[keyof E];
type Both<K extends keyof typeof Sqlite & keyof typeof Pg> = Enum<(typeof Sqlite)[K]> | Enum<(typeof Pg)[K]>;

export type EnumsAgree = [
  Same<Both<'Role'>, Role>,
  Same<Both<'TaskRole'>, TaskRole>,
  Same<Both<'IndicatorKind'>, IndicatorKind>,
  Same<Both<'ItemKind'>, ItemKind>,
  Same<Both<'ValueKind'>, ValueKind>,
  Same<Both<'PeriodStatus'>, PeriodStatus>,
  Same<Both<'SubmissionStatus'>, SubmissionStatus>,
  Same<Both<'AnswerStatus'>, TaskStatus | AnswerState>,
  Same<Both<'OutboxKind'>, OutboxKind>,
  Same<Both<'OutboxStatus'>, OutboxStatus>,
  Same<Both<'Locale'>, Locale>,
];
const agree: EnumsAgree = [true, true, true, true, true, true, true, true, true, true, true];
void agree;
