import { z } from 'zod';

const isoDay = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/);

/** The Costs page's URL: the month its tables show, and the day or week whose lines are open. */
export const costsPageSchema = z.object({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .optional(),
  /** A day of the daily chart, `YYYY-MM-DD`: its cost lines are listed. */
  day: isoDay.optional(),
  /** The Monday of a week of the weekly chart: its cost lines are listed. */
  week: isoDay.optional(),
});
