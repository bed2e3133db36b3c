// Column helpers and enums shared by several domains.
import { pgEnum, timestamp } from 'drizzle-orm/pg-core';
import { CONTENT_STATUSES, type ContentStatus } from '../../lib/enums';

/** Review workflow shared by all content kinds: 草稿 -> 待审核 -> 已发布 / 已退回 -> 已下线. */
export const contentStatus = pgEnum('content_status', CONTENT_STATUSES);
export type { ContentStatus };

export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
