import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgEnum, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './common';
import { USER_ROLES, type UserRole } from '../../lib/enums';
import { units } from './units';

export const userRole = pgEnum('user_role', USER_ROLES);
export type { UserRole };

export const users = pgTable(
  'users',
  {
    id: serial('id').primaryKey(),
    username: text('username').notNull().unique(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: userRole('role').notNull(),
    disabled: boolean('disabled').notNull().default(false),
    // Bumped on password reset, role change or disable: sessions issued before it are refused.
    sessionVersion: integer('session_version').notNull().default(1),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
    // The 责任单位 a 单位经办人 acts for (required for role 'unit', null otherwise).
    unitId: integer('unit_id').references(() => units.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  // role::text: the enum value 'unit' is added in the same migration and cannot be used as a literal there.
  (t) => [check('users_unit_role', sql`(${t.role}::text = 'unit') = (${t.unitId} is not null)`)],
);

/**
 * Sessions ended by signing out, refused by the guard (server/auth.ts) although their token is still
 * signed. A row lives as long as any copy of the token could (rows past expires_at are swept).
 */
export const revokedSessions = pgTable(
  'revoked_sessions',
  {
    sessionId: text('session_id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('revoked_sessions_expires_idx').on(t.expiresAt)],
);

/** Fixed-window counters shared by every instance (sign-in lock-out, public form limits). */
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  count: integer('count').notNull(),
  resetAt: timestamp('reset_at', { withTimezone: true }).notNull(),
});
