import { monthLabel } from './labels';

/** A GET form with one select: the month lives in the URL and works without JavaScript. */
export function MonthPicker({
  months,
  value,
  range,
}: {
  months: readonly string[];
  value: string;
  /** The charts' range, kept when the month changes. */
  range?: string;
}) {
  return (
    <form method="get" action="/costs" className="flex items-end gap-2" aria-label="Choose a month">
      {range ? <input type="hidden" name="range" value={range} /> : null}
      <div className="flex flex-col gap-1">
        <label htmlFor="cost-month" className="text-xs font-medium text-muted">
          Month
        </label>
        <select
          id="cost-month"
          name="month"
          defaultValue={value}
          className="h-8 rounded-md border border-border-strong bg-surface px-2 text-sm text-ink shadow-xs"
        >
          {(months.includes(value) ? months : [value, ...months]).map((month) => (
            <option key={month} value={month}>
              {monthLabel(month)}
            </option>
          ))}
        </select>
      </div>
      <button
        type="submit"
        className="h-8 rounded-md bg-ink px-3 text-sm font-medium text-white shadow-xs hover:bg-zinc-700"
      >
        Show
      </button>
    </form>
  );
}
