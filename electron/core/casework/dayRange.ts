import type { IsoDate } from '../../../shared/casework/common.schema';
import type { DayRange } from '../../../shared/casework/deadlines';

/**
 * A SQL condition that `column` (a `YYYY-MM-DD` text column or expression) lies in `range`, with
 * its parameters. The ranges come from the rules in shared/casework/deadlines.ts, so a query and
 * the state a screen shows can never disagree; dates as text compare in calendar order.
 */
export function dayRangeSql(column: string, range: DayRange): { sql: string; params: IsoDate[] } {
  if (range.van !== null && range.tot !== null) return { sql: `${column} BETWEEN ? AND ?`, params: [range.van, range.tot] };
  if (range.van !== null) return { sql: `${column} >= ?`, params: [range.van] };
  if (range.tot !== null) return { sql: `${column} <= ?`, params: [range.tot] };
  return { sql: `${column} IS NOT NULL`, params: [] };
}
