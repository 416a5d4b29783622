import { timestamp } from 'drizzle-orm/pg-core';

/** Row bookkeeping shared by every mutable table. */
export const timestamps = {
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date()),
};

export const tz = () => timestamp({ withTimezone: true });
